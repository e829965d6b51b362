using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Api
{
    /// <summary>
    /// Walks the pages of one listing in order, for any list endpoint. While the caller writes one page, the next is
    /// already in flight (up to the throttle limit once the first page told how many there are). It also refuses to
    /// loop on a server that repeats itself, and never hands out an item twice. A page refused for its size is asked for
    /// again: alone, when the pages in flight held too much together; in smaller pages, when it is too large by itself.
    /// </summary>
    internal sealed class Lister<T> : IDisposable where T : class
    {
        /// <summary>Fetches one page; the Action is to be called on a 429.</summary>
        public delegate Task<ListPage<T>> PageFetcher(int page, int perPage, Action onThrottled, CancellationToken cancellationToken);

        private readonly ListEndpoint<T> _endpoint;
        private readonly PagePlan _plan;
        private readonly PageFetcher _fetch;
        private readonly int _throttleLimit;
        private readonly IListingLog _log;
        private readonly Func<T, bool>? _include;
        private readonly CancellationTokenSource _cancel;
        // The requests in flight now: cancelled together when the listing ends or changes its page size.
        private CancellationTokenSource _generation;
        private readonly List<CancellationTokenSource> _pastGenerations = new List<CancellationTokenSource>();
        private readonly Queue<KeyValuePair<int, Task<ListPage<T>>>> _inFlight = new Queue<KeyValuePair<int, Task<ListPage<T>>>>();
        private readonly ItemIdentities<T> _identities;
        // Each item written, by identity, with the page it came from; and how many items each page brought.
        private readonly Dictionary<Guid, int> _pageOf = new Dictionary<Guid, int>();
        private readonly Dictionary<int, int> _newOnPage = new Dictionary<int, int>();

        private int _nextPage;
        private int _pagesReceived;
        // The per_page asked for, and the size the server pages by (smaller when it caps per_page lower).
        private int _askSize;
        private int _pageSize;
        // How many of the current pages make one page of the plan's size, after pages too large were asked for smaller.
        private long _shrink = 1;
        private bool _alone;
        private bool _finished;
        private bool _pagesKnown;
        private volatile bool _throttled;
        private ulong _skipLeft;
        private ulong _itemsLeft;
        private long? _firstTotal;
        private long? _firstLastPage;
        private long? _latestTotal;
        private bool _totalChangeReported;
        private string? _nothingNewSince;
        private MhApiException? _pendingError;

        /// <param name="include">A filter applied on the client (Get-MhAgent -Name): -Skip and -First count what it lets through.</param>
        public Lister(ListEndpoint<T> endpoint, PagePlan plan, PageFetcher fetch, int throttleLimit, IListingLog log, CancellationToken cancellationToken, Func<T, bool>? include = null)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            if (include is not null && !plan.FiltersOnClient) throw new ArgumentException("A client-side filter needs a plan made by PagePlan.ForClientFilter.", nameof(include));
            _endpoint = endpoint;
            _plan = plan;
            _fetch = fetch;
            _throttleLimit = throttleLimit;
            _log = log;
            _include = include;
            _identities = new ItemIdentities<T>(endpoint);
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _generation = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
            _nextPage = plan.FirstPage;
            _askSize = plan.PerPage;
            _pageSize = plan.PerPage;
            _skipLeft = plan.SkipInFirstPage;
            _itemsLeft = plan.MaxItems;
            _finished = !plan.NeedsRequest;
        }

        /// <summary>The total the first page gave (pagination.total).</summary>
        public long? Total => _firstTotal;

        public long ItemsReturned { get; private set; }

        /// <summary>Items that passed the client-side filter, including those -Skip passed over.</summary>
        public long ItemsMatched { get; private set; }

        /// <summary>
        /// How many requests may be in flight now: one until the page count is known, after a 429, and after the pages in
        /// flight held more than the listing's budget together.
        /// </summary>
        private int Concurrency => _pagesKnown && !_throttled && !_alone ? _throttleLimit : 1;

        /// <summary>The next page's items in order, or null when the listing is complete.</summary>
        public async Task<PageBatch<T>?> NextAsync()
        {
            if (_pendingError is not null) throw _pendingError;
            if (_finished) return null;

            int pageNumber;
            ListPage<T> page;
            while (true)
            {
                if (_inFlight.Count == 0) Start(_nextPage++);
                KeyValuePair<int, Task<ListPage<T>>> next = _inFlight.Dequeue();
                MhApiException? refused;
                try
                {
                    page = await next.Value.ConfigureAwait(false);
                    pageNumber = next.Key;
                    break;
                }
                catch (MhApiException e) when (e.SizeRefusal != PageSizeRefusal.None)
                {
                    refused = e;
                }
                await AskAgainAsync(next.Key, refused).ConfigureAwait(false);
            }

            try
            {
                return Take(page, pageNumber);
            }
            finally
            {
                page.Release();
            }
        }

        private PageBatch<T> Take(ListPage<T> page, int pageNumber)
        {
            bool isFirst = _pagesReceived++ == 0;
            CheckPageNumber(pageNumber, page);
            LearnSize(page, isFirst);

            List<T> items = TakeNew(page, pageNumber);
            ItemsReturned += items.Count;

            bool enough = _itemsLeft == 0 && !_plan.CountsAllMatches;
            bool lastPlanned = _plan.SinglePage && pageNumber >= LastWantedPage();
            if (lastPlanned || enough || !ServerHasMore(page, pageNumber))
            {
                Finish();
            }
            else if (PromisedPages() is long promised && pageNumber >= promised)
            {
                // This page's items are still written; the error ends the listing on the next call.
                _pendingError = Inconsistent(pageNumber, $"the server says more pages follow page {pageNumber}, but its total promised {promised} page(s) ({_latestTotal} {_endpoint.Noun} at {_pageSize} a page)");
                Finish();
            }
            else
            {
                // Ask for what follows before the caller starts writing this page.
                long limit = Math.Min(LastWantedPage() ?? long.MaxValue, PromisedPages() ?? long.MaxValue);
                while (_inFlight.Count < Concurrency && _nextPage <= limit) Start(_nextPage++);
                if (_inFlight.Count == 0) Finish();
            }
            return new PageBatch<T> { Page = pageNumber, Items = items, Total = _firstTotal, LastPage = _firstLastPage, IsFirst = isFirst };
        }

        /// <summary>The last page, at the current page size, that can hold a wanted item; null when the listing runs to the end.</summary>
        private long? LastWantedPage() => _plan.SinglePage ? _plan.FirstPage * _shrink : _plan.LastWantedPageAt(_pageSize);

        private void Start(int page)
        {
            _inFlight.Enqueue(new KeyValuePair<int, Task<ListPage<T>>>(page, _fetch(page, _askSize, OnThrottled, _generation.Token)));
        }

        /// <summary>
        /// A page was refused for its size. When the pages in flight held too much together, it is asked for again alone,
        /// and every page after it too. When it is too large by itself, it is asked for again in smaller pages: a size that
        /// divides the current one, so that the pages before it (already written) and the smaller ones line up, item for
        /// item. Either way the requests in flight go first: they were for the old order of things.
        /// </summary>
        private async Task AskAgainAsync(int pageNumber, MhApiException refused)
        {
            await AbandonInFlight().ConfigureAwait(false);
            if (refused.SizeRefusal == PageSizeRefusal.BudgetInUse && !_alone)
            {
                _alone = true;
                _nextPage = pageNumber;
                _log.Verbose($"Page {pageNumber} did not fit beside the pages in flight: reading one page at a time for the rest of the listing.");
                return;
            }
            if (refused.SizeRefusal != PageSizeRefusal.TooLarge) throw refused;
            // The items read whole before the limit say how many fit: a smaller page helps only when one did.
            int fit = refused.ItemsBeforeRefusal;
            if (fit < 1 || _pageSize == 1) throw refused;

            int smaller = LargestDivisorUpTo(_pageSize, Math.Min(fit, _pageSize - 1));
            int factor = _pageSize / smaller;
            _nextPage = checked((pageNumber - 1) * factor + 1);
            _shrink *= factor;
            if (_firstLastPage is long last) _firstLastPage = last * factor;
            _log.Verbose($"Page {pageNumber} at {_pageSize} {_endpoint.Noun} a page is larger than the module reads ({fit} fit): asking for pages of {smaller} instead, from page {_nextPage}.");
            _askSize = smaller;
            _pageSize = smaller;
        }

        /// <summary>The largest page size that divides <paramref name="size"/> and holds at most <paramref name="most"/>: (100, 32) gives 25.</summary>
        private static int LargestDivisorUpTo(int size, int most)
        {
            for (int candidate = most; candidate > 1; candidate--)
            {
                if (size % candidate == 0) return candidate;
            }
            return 1;
        }

        private void OnThrottled()
        {
            if (!_throttled && _throttleLimit > 1) _log.Verbose("The server is throttling (429): fetching one page at a time for the rest of the listing.");
            _throttled = true;
        }

        private void CheckPageNumber(int requested, ListPage<T> page)
        {
            if (page.CurrentPage is long current && current != requested)
            {
                throw Inconsistent(requested, $"page {requested} was asked for but the server answered with page {current}");
            }
        }

        private void LearnSize(ListPage<T> page, bool isFirst)
        {
            if (page.Total is long latest) _latestTotal = latest;
            if (isFirst)
            {
                AdoptServerPageSize(page);
                _firstTotal = page.Total;
                _firstLastPage = page.LastPage ?? (page.Total is long t ? PagesFor(t) : null);
                _pagesKnown = _firstLastPage is not null;
                if (page.Total == 0) _log.Verbose($"No {_endpoint.Noun} match.");
            }
            else if (!_totalChangeReported && page.Total is long total && _firstTotal is long first && total != first)
            {
                _totalChangeReported = true;
                _log.Warning($"The number of matching {_endpoint.Noun} changed from {first} to {total} during the listing; {_endpoint.Noun} added or removed meanwhile may be missing from this result. Run the command again for a consistent list.");
            }
        }

        /// <summary>
        /// A server may page by fewer items than asked (a lower cap than the page documents). Listing from the start,
        /// its own pages still cover everything, so the listing follows its size; but a -Skip window computed for
        /// another size would silently land on the wrong items, so that is an error that says what to ask instead.
        /// </summary>
        private void AdoptServerPageSize(ListPage<T> page)
        {
            if (page.PerPage is not long served || served < 1 || served == _askSize || served > int.MaxValue) return;
            if (!_plan.PageGiven && (_plan.FirstPage > 1 || (_plan.SkipInFirstPage > 0 && !_plan.FiltersOnClient)))
            {
                throw Inconsistent(page.RequestedPage, $"the server sends pages of {served} {_endpoint.Noun} although {_askSize} were asked for, so -Skip cannot be mapped onto its pages; run the command again with -PerPage {served}");
            }
            _pageSize = (int)served;
            _log.Warning($"The server sends pages of {served} {_endpoint.Noun} although {_askSize} were asked for; the listing follows its pages.");
        }

        /// <summary>
        /// The page's items that were not written before and pass the filter, after -Skip and within -First. An item is
        /// the same as another when its uuid is, or, without a uuid, its whole content (<see cref="ItemIdentities{T}"/>):
        /// so a page is a repeat only when it brings nothing new, whatever the order of its items.
        /// </summary>
        private List<T> TakeNew(ListPage<T> page, int pageNumber)
        {
            var items = new List<T>(page.Items.Count);
            int repeated = 0;
            foreach (T item in page.Items)
            {
                Guid identity = _identities.Of(item);
                if (_pageOf.ContainsKey(identity))
                {
                    repeated++;
                    continue;
                }
                _pageOf[identity] = pageNumber;
                if (_include is not null)
                {
                    if (!_include(item)) continue;
                    ItemsMatched++;
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
            _newOnPage[pageNumber] = page.Items.Count - repeated;
            if (repeated > 0 && repeated == page.Items.Count) EndIfNothingNewFollows(page, pageNumber);
            else _nothingNewSince = null;
            if (repeated > 0)
            {
                _log.Warning($"Page {pageNumber} repeated {repeated} of the {_endpoint.Noun} already listed (the data changed during the listing); each is written once.");
            }
            return items;
        }

        /// <summary>
        /// A page of nothing new. When the server gave a total, its page count bounds the listing, and a page of repeats
        /// means it ignores the page number: the listing ends here. Without one, items that moved while the listing ran
        /// can fill a page with ones already written, so the listing ends only when the next page brings nothing new either.
        /// </summary>
        private void EndIfNothingNewFollows(ListPage<T> page, int pageNumber)
        {
            string what = $"page {pageNumber} repeats only {_endpoint.Noun} already listed" +
                (SameAsAnEarlierPage(page, pageNumber) is int earlier ? $" (page {pageNumber} is the same as page {earlier})" : "");
            if (_latestTotal is not null) throw Inconsistent(pageNumber, what);
            if (_nothingNewSince is null)
            {
                _nothingNewSince = what;
                return;
            }
            throw Inconsistent(pageNumber, $"{_nothingNewSince}, and page {pageNumber} brought nothing new either (the server seems to ignore the page number)");
        }

        /// <summary>The earlier page whose items this page holds, all of them and nothing else; null when there is none.</summary>
        private int? SameAsAnEarlierPage(ListPage<T> page, int pageNumber)
        {
            int? earlier = null;
            foreach (T item in page.Items)
            {
                int from = _pageOf[_identities.Of(item)];
                if (from == pageNumber || (earlier is int e && e != from)) return null;
                earlier = from;
            }
            return earlier is int found && _newOnPage[found] == page.Items.Count ? found : null;
        }

        private bool ServerHasMore(ListPage<T> page, int pageNumber)
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

        /// <summary>Whole pages for <paramref name="total"/> items, without overflowing near long.MaxValue.</summary>
        private long PagesFor(long total) => total <= 0 ? 1 : total / _pageSize + (total % _pageSize == 0 ? 0 : 1);

        private MhApiException Inconsistent(int page, string what) => new MhApiException(MhErrorKind.InvalidResponse,
            $"Listing {_endpoint.Noun} stopped at page {page}: {what}. The listing was ended instead of looping; the {_endpoint.Noun} already written are complete up to there.",
            "Run the command again. If it happens again, report it to Mindhunters support with the time and the filters used.")
        { Page = page };

        private void Finish()
        {
            _finished = true;
            _ = AbandonInFlight();
        }

        /// <summary>Cancels the requests in flight; the task ends when each has ended and given back what its page held.</summary>
        private Task AbandonInFlight()
        {
            if (_inFlight.Count == 0) return Task.CompletedTask;
            _generation.Cancel();
            _pastGenerations.Add(_generation);
            _generation = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
            var ends = new List<Task>(_inFlight.Count);
            while (_inFlight.Count > 0)
            {
                // Nobody awaits these any more: observe their end so none surfaces as an unobserved exception.
                ends.Add(_inFlight.Dequeue().Value.ContinueWith(t =>
                {
                    if (t.Status == TaskStatus.RanToCompletion) t.Result.Release();
                    else _ = t.Exception;
                }, TaskScheduler.Default));
            }
            return Task.WhenAll(ends);
        }

        public void Dispose()
        {
            _ = AbandonInFlight();
            _generation.Dispose();
            foreach (CancellationTokenSource past in _pastGenerations) past.Dispose();
            _cancel.Dispose();
            _identities.Dispose();
        }
    }
}
