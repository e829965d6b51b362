using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.Api.Json;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The guard against a server that repeats itself, in both directions: it must end a listing that only ever sends
    /// the same items again (in any order), and it must never end one whose items are new, however alike they look.
    /// </summary>
    public sealed class RepeatGuardTests
    {
        private readonly RecordingLog _log = new RecordingLog();
        private readonly List<int> _requested = new List<int>();

        private static List<PhoneNumberRate> Rates(IEnumerable<int> prefixes, decimal amount) =>
            JsonSerializer.Deserialize("{\"data\":{\"items\":[" + string.Join(",", prefixes.Select(prefix =>
                    $"{{\"country_code\":\"DE\",\"destination_prefix\":\"49{prefix}\",\"origination\":\"EU\",\"price\":{{\"amount\":{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"currency\":\"EUR\"}}}}")) + "]}}",
                MindhuntersJsonContext.Default.PhoneNumberRateListResponse)!.Data!.Items!;

        private static List<Agent> Agents(int count, string language) =>
            JsonSerializer.Deserialize("{\"data\":{\"items\":[" + string.Join(",", Enumerable.Range(1, count).Select(i =>
                    $"{{\"name\":\"Support {i % 3}\",\"description\":\"Shift {i}\",\"language\":\"{language}\",\"timezone\":\"UTC\"}}")) + "]}}",
                MindhuntersJsonContext.Default.AgentListResponse)!.Data!.Items!;

        private Lister<T>.PageFetcher Serve<T>(Func<int, IReadOnlyList<T>> items, Func<int, bool> hasMore, long? total = null) where T : class =>
            (page, perPage, onThrottled, token) =>
            {
                lock (_requested) _requested.Add(page);
                return Task.FromResult(new ListPage<T>(page, items(page), page, perPage, total, null, hasMore(page)));
            };

        private async Task<List<T>> ListAsync<T>(ListEndpoint<T> endpoint, Lister<T>.PageFetcher fetch, List<T>? written = null) where T : class
        {
            written ??= new List<T>();
            using var lister = new Lister<T>(endpoint, PagePlan.Create(null, null, 0, ulong.MaxValue, false, endpoint.MaxPerPage), fetch, 1, _log, CancellationToken.None);
            for (int guard = 0; guard < 1000 && await lister.NextAsync() is PageBatch<T> batch; guard++) written.AddRange(batch.Items);
            return written;
        }

        [Fact]
        public async Task TheSameRatesInANewOrderEveryTime_EndWithinAFewRequests()
        {
            var random = new Random(15);
            var written = new List<PhoneNumberRate>();

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => ListAsync(Endpoints.PhoneNumberRates,
                Serve<PhoneNumberRate>(page => Rates(Enumerable.Range(0, 200).OrderBy(_ => random.Next()), 0.01m), page => true), written));

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.InRange(_requested.Count, 2, 3);
            Assert.Equal(200, written.Count);
            Assert.Equal(200, written.Select(rate => rate.DestinationPrefix).Distinct().Count());
        }

        [Theory]
        [InlineData(null)]
        [InlineData(400L)]
        public async Task RatesThatShareTheirKeysButNotTheirPrice_AreAllListed(long? total)
        {
            // Page 2 holds the prefixes of page 1 again, at another price: other rates, not a repeat.
            List<PhoneNumberRate> written = await ListAsync(Endpoints.PhoneNumberRates,
                Serve<PhoneNumberRate>(page => Rates(Enumerable.Range(0, 200), page == 1 ? 0.01m : 0.02m), page => page < 2, total));

            Assert.Equal(400, written.Count);
            Assert.Equal(new[] { 1, 2 }, _requested);
            Assert.Empty(_log.WarningLines);
        }

        [Fact]
        public async Task AgentsWithoutUuid_NamedAlike_AreAllListed()
        {
            List<Agent> written = await ListAsync(Endpoints.Agents,
                Serve<Agent>(page => Agents(100, page == 1 ? "en" : "de"), page => page < 2));

            Assert.Equal(200, written.Count);
            Assert.Equal(new[] { "en", "de" }, written.Select(agent => agent.Language).Distinct());
        }

        [Fact]
        public async Task IdenticalItemsWithoutUuid_AreWrittenOnce_AndSaidSo()
        {
            List<PhoneNumberRate> written = await ListAsync(Endpoints.PhoneNumberRates,
                Serve<PhoneNumberRate>(page => Rates(new[] { 1, 2, 2, 3 }, 0.01m), page => false));

            Assert.Equal(new[] { "491", "492", "493" }, written.Select(rate => rate.DestinationPrefix));
            Assert.Contains(_log.WarningLines, line => line.Contains("repeated 1 of the call rates already listed"));
        }

        [Fact]
        public async Task APageWithOneNewItem_IsNotARepeat()
        {
            // Each page repeats the 99 rates of the page before and brings one more: slow, but every rate is real.
            List<PhoneNumberRate> written = await ListAsync(Endpoints.PhoneNumberRates,
                Serve<PhoneNumberRate>(page => Rates(Enumerable.Range(page, 100), 0.01m), page => page < 5));

            Assert.Equal(104, written.Count);
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, _requested);
        }

        [Fact]
        public async Task WithoutATotal_OnePageOfNothingNew_IsToleratedWhenNewItemsFollow()
        {
            // Page 2 repeats page 1 (items moved while the listing ran), page 3 brings new ones.
            List<PhoneNumberRate> written = await ListAsync(Endpoints.PhoneNumberRates,
                Serve<PhoneNumberRate>(page => Rates(Enumerable.Range(page == 3 ? 100 : 0, 100), 0.01m), page => page < 3));

            Assert.Equal(200, written.Count);
            Assert.Equal(new[] { 1, 2, 3 }, _requested);
        }
    }
}
