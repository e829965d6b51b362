using System;
using System.Net;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests.Desktop
{
    /// <summary>
    /// net472 only: the lines that change process state on Windows PowerShell 5.1 (TLS 1.2, the connection limit), run
    /// against a .NET Framework ServicePointManager. Under Mono it is Mono's implementation of that API, not
    /// Microsoft's: this shows what the module sets, not how Windows' network stack then behaves.
    /// </summary>
    public sealed class ProcessStateOnNetFrameworkTests
    {
        [Fact]
        public void OurHostsServicePoint_IsRaisedFromTheDefaultOfTwo_AndNoOtherLimitChanges()
        {
            int defaultLimit = ServicePointManager.DefaultConnectionLimit;
            // Hosts of their own, so that no other test shares their ServicePoints (nothing is sent to them).
            var ours = new Uri("https://acme.servicepoint-test.invalid/");
            var other = new Uri("https://other.servicepoint-test.invalid/");
            ServicePointManager.FindServicePoint(ours).ConnectionLimit = 2; // Windows PowerShell's default
            ServicePointManager.FindServicePoint(other).ConnectionLimit = 2;

            DesktopCompatibility.RaiseServicePointLimit(ours);

            Assert.Equal(DesktopCompatibility.MinConnectionLimit, ServicePointManager.FindServicePoint(ours).ConnectionLimit);
            Assert.Equal(2, ServicePointManager.FindServicePoint(other).ConnectionLimit);
            Assert.Equal(defaultLimit, ServicePointManager.DefaultConnectionLimit);
        }

        [Fact]
        public void Tls12_IsAddedToWhatTheProcessOffers_KeepingIt()
        {
            SecurityProtocolType before = ServicePointManager.SecurityProtocol;
            try
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;

                DesktopCompatibility.OfferTls12();

                Assert.Equal(SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12, ServicePointManager.SecurityProtocol);
            }
            finally
            {
                ServicePointManager.SecurityProtocol = before;
            }
        }
    }
}
