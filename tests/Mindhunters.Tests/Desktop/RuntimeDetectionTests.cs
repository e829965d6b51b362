using System;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests.Desktop
{
    /// <summary>net472 only: whether the module takes the runtime it is on for Windows PowerShell's.</summary>
    public sealed class RuntimeDetectionTests
    {
        private static bool IsMono => Type.GetType("Mono.Runtime") is not null;

        /// <summary>
        /// On Microsoft's .NET Framework (Windows PowerShell 5.1) the module must know it, or it registers no resolve
        /// handler and System.Text.Json fails to load. Mono reports "Mono ..." and is not taken for it, so under Mono
        /// the module's TLS and ServicePoint lines are not run (they are Windows PowerShell's, not Mono's).
        /// </summary>
        [Fact]
        public void Desktop_IsMicrosoftsNetFramework_AndNotMono()
        {
            Assert.Equal(!IsMono, DesktopCompatibility.IsDesktop);
        }
    }
}
