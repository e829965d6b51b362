using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    public class PhoneNumberLookupTests : FakeApiTestBase
    {
        public PhoneNumberLookupTests() : base("lookup-engine-token")
        {
        }

        private Task<List<PhoneNumber>> FindAsync(string number, int? perPage = null) =>
            PhoneNumberLookup.FindAsync(Client, Connection(), number, perPage, Log, CancellationToken.None);

        [Fact]
        public async Task ANumberWrittenWithSeparators_IsFound_WithOneSearchOfItsDigits()
        {
            FakePhoneNumber expected = FakeData.Item(2);
            string digits = expected.Number.TrimStart('+');
            string written = digits.Substring(0, 2) + " " + digits.Substring(2, 4) + "-" + digits.Substring(6);

            PhoneNumber found = Assert.Single(await FindAsync(written));

            Assert.Equal(expected.PhoneNumberUuid, found.PhoneNumberUuid);
            RecordedRequest request = Assert.Single(Server.Requests);
            Assert.Contains("search=" + digits, request.Query);
            Assert.Contains("include_external=true", request.Query);
        }

        [Fact]
        public async Task APartOfANumber_FindsNothing_ThoughTheSearchMatchesLongerNumbers_OnEveryPage()
        {
            string part = FakeData.Item(2).Number;
            part = part.Substring(0, part.Length - 2);

            Assert.Empty(await FindAsync(part, perPage: 1));

            // The search matched several numbers; with a page of one, each was read and none kept.
            Assert.True(Server.Requests.Count > 1);
        }

        [Fact]
        public async Task AnExternalNumber_IsFound()
        {
            FakePhoneNumber external = Enumerable.Range(1, 250).Select(FakeData.Item).First(n => n.IsExternal);
            Assert.Equal(external.PhoneNumberUuid, Assert.Single(await FindAsync(external.Number)).PhoneNumberUuid);
        }
    }
}
