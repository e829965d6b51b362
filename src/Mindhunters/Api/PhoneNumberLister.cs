using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>
    /// Walks the pages of one listing in order. While the caller writes one page, the next is already in
    /// flight (up to the throttle limit once the first page told how many there are). It also refuses to
    /// loop on a server that repeats itself, and never hands out an item twice.
    /// </summary>
    internal sealed class PhoneNumberLister : IDisposable
    {
        /// <summary>Fetches one page; the Action is to be called on a 429.</summary>
        public delegate Task<PhoneNumberPage> PageFetcher(int page, int perPage, Action onThrottled, CancellationToken cancellationToken);

        private readonly PagePlan _plan;
        private readonly PageFetcher _fetch;
        private readonly int _throttleLimit;
        private readonly IListingLog _log;
        private readonly CancellationTokenSource _cancel;
        private readonly Queue<KeyValuePair<int, Task<PhoneNumberPage>>> _inFlight = new Queue<KeyValuePair<int, Task<PhoneNumberPage>>>();
        private readonly HashSet<Guid> _seen = new HashSet<Guid>();

        private int _nextPage;
        private int _pagesReceived;
        private int _pageSize;
        private bool _finished;
        private bool _pagesKnown;
        private volatile bool _throttled;
        private int _skipLeft;
        private ulong _itemsLeft;
        private long? _firstTotal;
        private long? _firstLastPage;
        private long? _latestTotal;
        private bool _totalChangeReported;
        private MhApiException? _pendingError;

        public PhoneNumberLister(PagePlan plan, PageFetcher fetch, int throttleLimit, IListingLog log, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            _plan = plan;
            _fetch = fetch;
            _throttleLimit = throttleLimit;
            _log = log;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _nextPage = plan.FirstPage;
            _pageSize = plan.PerPage;
            _skipLeft = plan.SkipInFirstPage;
            _itemsLeft = plan.MaxItems;
            _finished = !plan.NeedsRequest;
        }

        /// <summary>The total the first page gave (pagination.total).</summary>
        public long? Total => _firstTotal;

        public long ItemsReturned { get; private set; }

        /// <summary>How many requests may be in flight now: one until the page count is known or after a 429.</summary>
        private int Concurrency => _pagesKnown && !_throttled ? _throttleLimit : 1;

        /// <summary>The next page's items in order, or null when the listing is complete.</summary>
        public async Task<PageBatch?> NextAsync()
        {
            if (_pendingError is not null) throw _pendingError;
            if (_finished) return null;
            if (_inFlight.Count == 0) Start(_nextPage++);

            KeyValuePair<int, Task<PhoneNumberPage>> next = _inFlight.Dequeue();
            PhoneNumberPage page = await next.Value.ConfigureAwait(false);
            bool isFirst = _pagesReceived++ == 0;
            CheckPageNumber(next.Key, page);
            LearnSize(page, isFirst);

            List<PhoneNumber> items = TakeNew(page, next.Key);
            ItemsReturned += items.Count;

            if (_plan.SinglePage || _itemsLeft == 0 || !ServerHasMore(page, next.Key))
            {
                Finish();
            }
            else if (PromisedPages() is long promised && next.Key >= promised)
            {
                // This page's items are still written; the error ends the listing on the next call.
                _pendingError = Inconsistent(next.Key, $"the server says more pages follow page {next.Key}, but its total promised {promised} page(s) ({_latestTotal} numbers at {_pageSize} a page)");
                Finish();
            }
            else
            {
                // Ask for what follows before the caller starts writing this page.
                long limit = Math.Min(_plan.LastWantedPageAt(_pageSize) ?? long.MaxValue, PromisedPages() ?? long.MaxValue);
                while (_inFlight.Count < Concurrency && _nextPage <= limit) Start(_nextPage++);
                if (_inFlight.Count == 0) Finish();
            }
            return new PageBatch(next.Key, items, _firstTotal, _firstLastPage, isFirst);
        }

        private void Start(int page)
        {
            _inFlight.Enqueue(new KeyValuePair<int, Task<PhoneNumberPage>>(page, _fetch(page, _plan.PerPage, OnThrottled, _cancel.Token)));
        }

        private void OnThrottled()
        {
            if (!_throttled && _throttleLimit > 1) _log.Verbose("The server is throttling (429): fetching one page at a time for the rest of the listing.");
            _throttled = true;
        }

        private void CheckPageNumber(int requested, PhoneNumberPage page)
        {
            if (page.CurrentPage is long current && current != requested)
            {
                throw Inconsistent(requested, $"page {requested} was asked for but the server answered with page {current}");
            }
        }

        private void LearnSize(PhoneNumberPage page, bool isFirst)
        {
            if (page.Total is long latest) _latestTotal = latest;
            if (isFirst)
            {
                AdoptServerPageSize(page);
                _firstTotal = page.Total;
                _firstLastPage = page.LastPage ?? (page.Total is long t ? PagesFor(t) : null);
                _pagesKnown = _firstLastPage is not null;
                if (page.Total == 0) _log.Verbose("No phone numbers match.");
            }
            else if (!_totalChangeReported && page.Total is long total && _firstTotal is long first && total != first)
            {
                _totalChangeReported = true;
                _log.Warning($"The number of matching phone numbers changed from {first} to {total} during the listing; numbers added or removed meanwhile may be missing from this result. Run the command again for a consistent list.");
            }
        }

        /// <summary>
        /// A server may page by fewer items than asked (a lower cap than the page documents). Listing from the start,
        /// its own pages still cover everything, so the listing follows its size; but a -Skip window computed for
        /// another size would silently land on the wrong items, so that is an error that says what to ask instead.
        /// </summary>
        private void AdoptServerPageSize(PhoneNumberPage page)
        {
            if (page.PerPage is not long served || served < 1 || served == _plan.PerPage || served > int.MaxValue) return;
            if (!_plan.PageGiven && (_plan.FirstPage > 1 || _plan.SkipInFirstPage > 0))
            {
                throw Inconsistent(page.RequestedPage, $"the server sends pages of {served} numbers although {_plan.PerPage} were asked for, so -Skip cannot be mapped onto its pages; run the command again with -PerPage {served}");
            }
            _pageSize = (int)served;
            _log.Warning($"The server sends pages of {served} phone numbers although {_plan.PerPage} were asked for; the listing follows its pages.");
        }

        /// <summary>The page's items that were not written before, after -Skip and within -First.</summary>
        private List<PhoneNumber> TakeNew(PhoneNumberPage page, int pageNumber)
        {
            var items = new List<PhoneNumber>(page.Items.Count);
            int repeated = 0;
            foreach (PhoneNumber item in page.Items)
            {
                if (item.PhoneNumberUuid != Guid.Empty && !_seen.Add(item.PhoneNumberUuid))
                {
                    repeated++;
                    continue;
                }
                if (_skipLeft > 0)
                {
                    _skipLeft--;
                    continue;
                }
                if (_itemsLeft == 0) continue;
                items.Add(item);
                if (_itemsLeft != ulong.MaxValue) _itemsLeft--;
            }
            if (repeated > 0 && repeated == page.Items.Count)
            {
                throw Inconsistent(pageNumber, $"page {pageNumber} repeats only phone numbers already listed");
            }
            if (repeated > 0)
            {
                _log.Warning($"Page {pageNumber} repeated {repeated} phone number(s) already listed (the data changed during the listing); each is written once.");
            }
            return items;
        }

        private bool ServerHasMore(PhoneNumberPage page, int pageNumber)
        {
            if (page.Items.Count == 0)
            {
                if (page.HasMore == true) _log.Warning($"Page {pageNumber} was empty although the server said more would follow; the listing ends there.");
                return false;
            }
            if (page.HasMore is bool hasMore) return hasMore;
            if (page.LastPage is long last) return pageNumber < last;
            // No pagination at all: a full page may have a successor.
            return page.Items.Count >= _pageSize;
        }

        /// <summary>
        /// How many pages the server's own numbers allow: a server that says "more" for ever must end in an error,
        /// not a loop. The first page's last_page, or more when the total grew meanwhile; null when it gave neither.
        /// </summary>
        private long? PromisedPages()
        {
            long? bound = _firstLastPage;
            if (_latestTotal is long total) bound = Math.Max(bound ?? 0, PagesFor(total));
            return bound is long b ? Math.Max(b, 1) : null;
        }

        private long PagesFor(long total) => total <= 0 ? 1 : (total + _pageSize - 1) / _pageSize;

        private static MhApiException Inconsistent(int page, string what) => new MhApiException(MhErrorKind.InvalidResponse,
            $"Listing phone numbers stopped at page {page}: {what}. The listing was ended instead of looping; the numbers already written are complete up to there.",
            "Run the command again. If it happens again, report it to Mindhunters support with the time and the filters used.")
        { Page = page };

        private void Finish()
        {
            _finished = true;
            CancelInFlight();
        }

        private void CancelInFlight()
        {
            if (_inFlight.Count == 0) return;
            _cancel.Cancel();
            while (_inFlight.Count > 0)
            {
                // Nobody awaits these any more: observe their end so none surfaces as an unobserved exception.
                _inFlight.Dequeue().Value.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            }
        }

        public void Dispose()
        {
            CancelInFlight();
            _cancel.Dispose();
        }
    }
}
