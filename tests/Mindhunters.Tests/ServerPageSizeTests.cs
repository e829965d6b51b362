using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>A server written from the same page may cap per_page lower than 100: nothing may go missing.</summary>
    public class ServerPageSizeTests
    {
        private const int ServerCap = 50;
        private readonly List<PhoneNumber> _numbers = Enumerable.Range(1, 120).Select(Number).ToList();
        private readonly List<(int Page, int PerPage)> _requests = new List<(int, int)>();
        private readonly RecordingLog _log = new RecordingLog();

        private static PhoneNumber Number(int i)
        {
            string json = $"{{\"data\":{{\"items\":[{{\"phone_number_uuid\":\"{new Guid(i, 0, 0, new byte[8])}\",\"number\":\"+{i}\"}}]}}}}";
            return System.Text.Json.JsonSerializer.Deserialize(json, Mindhunters.Api.Json.MindhuntersJsonContext.Default.PhoneNumberListResponse)!.Data!.Items![0];
        }

        /// <summary>Pages by at most 50 whatever per_page says, and says so in pagination.per_page.</summary>
        private Task<ListPage<PhoneNumber>> CappedServer(int page, int perPage, Action onThrottled, CancellationToken token)
        {
            lock (_requests) _requests.Add((page, perPage));
            int size = Math.Min(perPage, ServerCap);
            List<PhoneNumber> items = _numbers.Skip((page - 1) * size).Take(size).ToList();
            long last = (_numbers.Count + size - 1) / size;
            return Task.FromResult(new ListPage<PhoneNumber>(page, items, page, size, _numbers.Count, last, page < last));
        }

        private async Task<List<PhoneNumber>> ListAsync(PagePlan plan)
        {
            var written = new List<PhoneNumber>();
            using var lister = new Lister<PhoneNumber>(Endpoints.PhoneNumbers, plan, CappedServer, 1, _log, CancellationToken.None);
            while (await lister.NextAsync() is PageBatch<PhoneNumber> batch) written.AddRange(batch.Items);
            return written;
        }

        [Fact]
        public async Task ListingEverything_FollowsTheServersPages_AndSaysSo()
        {
            List<PhoneNumber> written = await ListAsync(PagePlan.Create(null, null, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage));

            Assert.Equal(_numbers.Select(n => n.Number), written.Select(n => n.Number));
            Assert.Equal(new[] { 1, 2, 3 }, _requests.Select(r => r.Page));
            Assert.Contains(_log.WarningLines, w => w.Contains("pages of 50"));
        }

        [Fact]
        public async Task First_CountsAcrossTheServersSmallerPages()
        {
            List<PhoneNumber> written = await ListAsync(PagePlan.Create(null, null, 0, 110, false, Endpoints.PhoneNumbers.MaxPerPage));

            Assert.Equal(_numbers.Take(110).Select(n => n.Number), written.Select(n => n.Number));
        }

        [Fact]
        public async Task ASkipWindowThatWouldLandElsewhere_IsAnError_ThatNamesThePerPageToUse()
        {
            // -Skip 60 -First 70 plans pages of 100 from page 1 with 60 skipped; the server's page 1 holds only 50.
            var e = await Assert.ThrowsAsync<MhApiException>(() => ListAsync(PagePlan.Create(null, null, 60, 70, false, Endpoints.PhoneNumbers.MaxPerPage)));

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("-PerPage 50", e.Message);
        }
    }
}
