using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>The engine (client + lister) against the fake API on 127.0.0.1, as the cmdlet drives it.</summary>
    public sealed class EngineAgainstFakeApiTests : FakeApiTestBase
    {
        private const string Token = "engine-test-token";

        public EngineAgainstFakeApiTests() : base(Token)
        {
        }

        /// <summary>What the fake lists without include_external, in its default order.</summary>
        private static List<Guid> Visible(int count) =>
            Enumerable.Range(1, count).Select(FakeData.Item).Where(f => !f.IsExternal).Select(f => f.PhoneNumberUuid).ToList();

        private List<string> RequestedQueries() => Server.Requests.Select(r => r.Query.TrimStart('?')).ToList();

        [Fact]
        public async Task ListsEveryNumber_InOrder_With3RequestsOf100()
        {
            var (items, _) = await ListAsync(All());

            Assert.Equal(Visible(250), items.Select(n => n.PhoneNumberUuid));
            Assert.Equal(new[] { "page=1&per_page=100", "page=2&per_page=100", "page=3&per_page=100" }, RequestedQueries());
            Assert.All(Server.Requests, r => Assert.True(r.HadAuthorization));
        }

        [Fact]
        public async Task Filters_ReachTheServer_AndOnlyMatchesComeBack()
        {
            var (items, _) = await ListAsync(All(), new PhoneNumberQuery { Status = "active", CountryCode = "us" });

            Assert.NotEmpty(items);
            Assert.All(items, n => Assert.Equal(("active", "US"), (n.Status, n.CountryCode)));
            int expected = Enumerable.Range(1, 250).Select(FakeData.Item).Count(f => f.Status == "active" && f.CountryCode == "US" && !f.IsExternal);
            Assert.Equal(expected, items.Count);
            Assert.Contains("country_code=US", RequestedQueries()[0]);
        }

        [Fact]
        public async Task SkipAndFirst_CostOneRequest_AndGiveTheRightWindow()
        {
            var (items, _) = await ListAsync(PagePlan.Create(null, null, 150, 10, false, Endpoints.PhoneNumbers.MaxPerPage));

            Assert.Equal(Visible(250).Skip(150).Take(10), items.Select(n => n.PhoneNumberUuid));
            Assert.Equal(new[] { "page=16&per_page=10" }, RequestedQueries());
        }

        [Fact]
        public async Task AWindowAcrossTwoPages_CostsTwoRequests()
        {
            var (items, _) = await ListAsync(PagePlan.Create(null, null, 50, 99, false, Endpoints.PhoneNumbers.MaxPerPage));

            Assert.Equal(Visible(250).Skip(50).Take(99), items.Select(n => n.PhoneNumberUuid));
            Assert.Equal(2, Server.Requests.Count);
        }

        [Fact]
        public async Task SkipPastTheEnd_IsOneRequest_AndNothing()
        {
            var (items, lister) = await ListAsync(PagePlan.Create(null, null, 1000, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage));

            Assert.Empty(items);
            Assert.Single(Server.Requests);
            Assert.Equal((long)Visible(250).Count, lister.Total);
        }

        [Fact]
        public async Task PerPage1_WalksEveryPage()
        {
            var (items, _) = await ListAsync(All(perPage: 1), new PhoneNumberQuery { CountryCode = "DE", Status = "pending" });

            Assert.Equal(Server.Requests.Count, items.Count);
            Assert.Equal(items.Select(n => n.PhoneNumberUuid).Distinct().Count(), items.Count);
        }

        [Fact]
        public async Task ThePageOfPage_IsTheOnlyRequest()
        {
            var (items, _) = await ListAsync(PagePlan.Create(2, 50, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage));

            Assert.Equal(Visible(250).Skip(50).Take(50), items.Select(n => n.PhoneNumberUuid));
            Assert.Equal(new[] { "page=2&per_page=50" }, RequestedQueries());
        }

        [Fact]
        public async Task AWrongToken_IsAnAuthenticationError_WithTheApisMessage_AndNoToken()
        {
            var e = await Assert.ThrowsAsync<MhApiException>(() => ListAsync(All(), connection: Connection(token: "wrong-token-value")));

            Assert.Equal(("MhAuthenticationFailed", 401, 1), (e.ErrorId, e.StatusCode, e.Page));
            Assert.Contains("Unauthenticated", e.Message);
            Assert.DoesNotContain("wrong-token-value", e.ToString());
            Assert.DoesNotContain(Log.All, m => m.Contains("wrong-token-value"));
        }

        [Fact]
        public async Task OneVerboseLine_PerRequest_WithUrlStatusTimeAndItems()
        {
            await ListAsync(All());

            var lines = Log.VerboseLines.Where(m => m.StartsWith("GET ", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, lines.Count);
            int total = Visible(250).Count;
            Assert.Matches("^GET " + Regex.Escape(Server.BaseUri.AbsoluteUri) + @"api/v1/phone-numbers\?page=1&per_page=100 -> 200 OK in \d+ ms, items 1-100 of " + total + "$", lines[0]);
            Assert.EndsWith($"items 201-{total} of {total}", lines[2]);
            Assert.DoesNotContain(Log.All, m => m.Contains(Token) || m.Contains("Bearer"));
        }

        [Fact]
        public async Task OneDebugLine_PerPage_WithBodySizeAndPagination_NeverAHeader()
        {
            await ListAsync(All());

            var lines = Log.DebugLines.ToList();
            Assert.Equal(3, lines.Count);
            int total = Visible(250).Count;
            Assert.Matches(@"^Page 1: \d+ bytes, 100 items; pagination: current_page 1, total " + total + ", last_page 3, has_more true$", lines[0]);
            Assert.Matches(@"^Page 3: \d+ bytes, 25 items; pagination: current_page 3, total " + total + ", last_page 3, has_more false$", lines[2]);
            Assert.DoesNotContain(lines, m => m.Contains(Token) || m.Contains("Bearer") || m.Contains("Authorization"));
        }

        [Fact]
        public async Task ThrottleLimit4_KeepsOrder_AndRequestsEachPageOnce()
        {
            await using FakeApiScope big = await FakeApiScope.CreateAsync(new ScopeSettings { Count = 1000, Token = Token });
            var connection = Connection(baseUri: big.BaseUri);

            var (items, _) = await ListAsync(All(perPage: 50), throttle: 4, connection: connection);

            Assert.Equal(Visible(1000), items.Select(n => n.PhoneNumberUuid));
            Assert.Equal(18, big.Requests.Count); // 900 visible numbers, 50 a page
            Assert.Equal(18, big.Requests.Select(r => r.Query).Distinct().Count());
        }

        [Fact]
        public async Task StoppingEarly_CancelsWhatIsInFlight_AndAsksNoMore()
        {
            var connection = Connection();
            var lister = new Lister<PhoneNumber>(Endpoints.PhoneNumbers, All(perPage: 10),
                (page, perPage, onThrottled, token) => Client.GetPageAsync(connection, Endpoints.PhoneNumbers, new PhoneNumberQuery(), page, perPage, Log, onThrottled, token),
                1, Log, CancellationToken.None);
            PageBatch<PhoneNumber>? first = await lister.NextAsync();
            lister.Dispose(); // what the cmdlet does when Select-Object -First stops the pipeline
            await Task.Delay(300);

            Assert.Equal(10, first!.Items.Count);
            Assert.True(Server.Requests.Count <= 2, $"{Server.Requests.Count} requests after stopping on page 1");
        }
    }
}
