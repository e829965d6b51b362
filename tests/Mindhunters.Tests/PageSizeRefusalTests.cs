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
    /// <summary>
    /// A page refused for its size is asked for again, not given up on: in smaller pages that line up with the ones
    /// already written, or alone when the pages in flight held too much together. Pages in flight at the old size are
    /// cancelled, and nothing is listed twice or skipped.
    /// </summary>
    public sealed class PageSizeRefusalTests
    {
        private readonly List<PhoneNumber> _numbers = Enumerable.Range(1, 400).Select(Number).ToList();
        private readonly List<(int Page, int PerPage)> _requests = new List<(int, int)>();
        private readonly List<(int Page, int PerPage)> _cancelled = new List<(int, int)>();
        private readonly RecordingLog _log = new RecordingLog();

        private static PhoneNumber Number(int i)
        {
            string json = $"{{\"data\":{{\"items\":[{{\"phone_number_uuid\":\"{new Guid(i, 0, 0, new byte[8])}\",\"number\":\"+{i}\"}}]}}}}";
            return System.Text.Json.JsonSerializer.Deserialize(json, Mindhunters.Api.Json.MindhuntersJsonContext.Default.PhoneNumberListResponse)!.Data!.Items![0];
        }

        private static MhApiException Refused(PageSizeRefusal why, int itemsRead) =>
            new MhApiException(MhErrorKind.InvalidResponse, "Listing phone numbers failed: too large.", "action") { SizeRefusal = why, ItemsBeforeRefusal = itemsRead };

        /// <summary>
        /// Pages of what was asked; <paramref name="refuse"/> may refuse one instead (given page and per_page), and
        /// <paramref name="stall"/> keep one from ever arriving: only a cancellation ends it.
        /// </summary>
        private Lister<PhoneNumber>.PageFetcher Server(Func<int, int, MhApiException?> refuse, int delayMs = 0, Func<int, int, bool>? stall = null) =>
            async (page, perPage, onThrottled, token) =>
            {
                lock (_requests) _requests.Add((page, perPage));
                try
                {
                    if (stall?.Invoke(page, perPage) == true) await Task.Delay(Timeout.Infinite, token);
                    if (delayMs > 0) await Task.Delay(delayMs, token);
                }
                catch (OperationCanceledException)
                {
                    lock (_cancelled) _cancelled.Add((page, perPage));
                    throw;
                }
                if (refuse(page, perPage) is MhApiException refusal) throw refusal;
                List<PhoneNumber> items = _numbers.Skip((page - 1) * perPage).Take(perPage).ToList();
                long last = (_numbers.Count + perPage - 1) / perPage;
                return new ListPage<PhoneNumber>(page, items, page, perPage, _numbers.Count, last, page < last);
            };

        private async Task<List<PhoneNumber>> ListAsync(PagePlan plan, Lister<PhoneNumber>.PageFetcher fetch, int throttleLimit = 1)
        {
            var written = new List<PhoneNumber>();
            using var lister = new Lister<PhoneNumber>(Endpoints.PhoneNumbers, plan, fetch, throttleLimit, _log, CancellationToken.None);
            while (await lister.NextAsync() is PageBatch<PhoneNumber> batch) written.AddRange(batch.Items);
            return written;
        }

        private static PagePlan All() => PagePlan.Create(null, null, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage);

        [Fact]
        public async Task AFirstPageTooLarge_IsAskedForAgainInTheLargestSizeThatFitsAndDividesIt()
        {
            // 30 items fit in what the module reads: 25 a page divides 100 and fits.
            List<PhoneNumber> written = await ListAsync(All(), Server((page, perPage) => perPage > 30 ? Refused(PageSizeRefusal.TooLarge, 30) : null));

            Assert.Equal(_numbers.Select(n => n.Number), written.Select(n => n.Number));
            Assert.Equal((1, 100), _requests[0]);
            Assert.Equal(Enumerable.Range(1, 16).Select(page => (page, 25)), _requests.Skip(1));
            Assert.Contains(_log.VerboseLines, line => line.Contains("asking for pages of 25 instead"));
        }

        [Fact]
        public async Task APageTooLargeMidListing_ContinuesWhereItStopped_AndCancelsThePagesInFlightAtTheOldSize()
        {
            // Page 3 of 100 (items 201-300) is too large; 40 fit, so 25 a page: page 3 of 100 is pages 9-12 of 25.
            // Pages 4 and after at 100 never arrive: the listing ends only if they are cancelled.
            Func<int, int, MhApiException?> refuse = (page, perPage) => perPage == 100 && page == 3 ? Refused(PageSizeRefusal.TooLarge, 40) : null;
            Task<List<PhoneNumber>> listing = ListAsync(All(), Server(refuse, delayMs: 10, stall: (page, perPage) => perPage == 100 && page > 3), throttleLimit: 4);

            Assert.Same(listing, await Task.WhenAny(listing, Task.Delay(TimeSpan.FromSeconds(30))));
            List<PhoneNumber> written = await listing;
            Assert.Equal(_numbers.Select(n => n.Number), written.Select(n => n.Number));
            Assert.Contains((4, 100), _cancelled);
            Assert.Contains((9, 25), _requests);
            Assert.DoesNotContain(_requests, request => request.PerPage == 25 && request.Page < 9);
        }

        [Fact]
        public async Task ASkipAndFirstWindow_StaysTheSame_InSmallerPages()
        {
            // -Skip 150 -First 60 is one page of 70 (page 3: items 141-210); 20 fit, so pages of 14 (pages 11-15).
            PagePlan window = PagePlan.Create(null, null, 150, 60, false, Endpoints.PhoneNumbers.MaxPerPage);

            List<PhoneNumber> written = await ListAsync(window, Server((page, perPage) => perPage > 20 ? Refused(PageSizeRefusal.TooLarge, 20) : null));

            Assert.Equal(_numbers.Skip(150).Take(60).Select(n => n.Number), written.Select(n => n.Number));
            Assert.Equal(new[] { (3, 70), (11, 14), (12, 14), (13, 14), (14, 14), (15, 14) }, _requests);
        }

        [Fact]
        public async Task APageWhoseFirstItemAloneIsTooLarge_EndsTheListing_WithOneRequest()
        {
            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => ListAsync(All(), Server((page, perPage) => Refused(PageSizeRefusal.TooLarge, 0))));

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Single(_requests);
        }

        [Fact]
        public async Task APageThatDidNotFitBesideThePagesInFlight_IsAskedForAgainAlone_AndThePagesAfterItOneAtATime()
        {
            int refusals = 0;
            Func<int, int, MhApiException?> refuse = (page, perPage) => page == 3 && Interlocked.Increment(ref refusals) == 1 ? Refused(PageSizeRefusal.BudgetInUse, 10) : null;

            List<PhoneNumber> written = await ListAsync(PagePlan.Create(null, 25, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage),
                Server(refuse, delayMs: 20), throttleLimit: 4);

            Assert.Equal(_numbers.Select(n => n.Number), written.Select(n => n.Number));
            Assert.All(_requests, request => Assert.Equal(25, request.PerPage));
            // After the refusal page 3 comes again, and from then on one page at a time, in order.
            int again = _requests.FindLastIndex(request => request.Page == 3);
            Assert.Equal(Enumerable.Range(3, 14), _requests.Skip(again).Select(request => request.Page));
            Assert.Contains(_log.VerboseLines, line => line.Contains("one page at a time"));
        }
    }
}
