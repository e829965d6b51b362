using System;

namespace Mindhunters.Api
{
    /// <summary>
    /// Turns -Page/-PerPage/-Skip/-First into the pages to request: which page to start at, at what size,
    /// how many items of the first page to pass over, and how many items to write at most.
    /// </summary>
    internal sealed class PagePlan
    {
        private PagePlan(int firstPage, int perPage, ulong skipInFirstPage, ulong maxItems, bool singlePage, bool needsRequest, bool pageGiven = false, bool filtersOnClient = false, bool countsAllMatches = false)
        {
            PageGiven = pageGiven;
            FiltersOnClient = filtersOnClient;
            CountsAllMatches = countsAllMatches;
            FirstPage = firstPage;
            PerPage = perPage;
            SkipInFirstPage = skipInFirstPage;
            MaxItems = maxItems;
            SinglePage = singlePage;
            NeedsRequest = needsRequest;
        }

        public int FirstPage { get; }
        public int PerPage { get; }
        /// <summary>Items to pass over before the first one written; with a client-side filter, matches to pass over.</summary>
        public ulong SkipInFirstPage { get; }

        /// <summary>ulong.MaxValue: no limit, every match is listed.</summary>
        public ulong MaxItems { get; }

        /// <summary>Only <see cref="FirstPage"/> is requested.</summary>
        public bool SinglePage { get; }

        /// <summary>The page number came from -Page, not from -Skip arithmetic.</summary>
        public bool PageGiven { get; }

        /// <summary>A filter on the client decides what counts: every page from the first is read, -Skip and -First apply to matches.</summary>
        public bool FiltersOnClient { get; }

        /// <summary>With a client-side filter and -IncludeTotalCount: the listing runs to the end to count every match.</summary>
        public bool CountsAllMatches { get; }

        /// <summary>False for -First 0 without -IncludeTotalCount: nothing to ask the server.</summary>
        public bool NeedsRequest { get; }

        /// <summary>The last page that can hold a wanted item, or null when the listing runs to the end.</summary>
        public long? LastWantedPage => LastWantedPageAt(PerPage);

        /// <summary>
        /// The same at another page size: a server that pages by fewer than asked, or pages asked for smaller after one
        /// was too large. Counted in items from the start of the listing, so any size that lines up with the plan's works.
        /// </summary>
        public long? LastWantedPageAt(int pageSize) =>
            SinglePage ? FirstPage
            : MaxItems == ulong.MaxValue || FiltersOnClient ? null
            : (long)Math.Floor(((decimal)(FirstPage - 1) * PerPage + SkipInFirstPage + MaxItems - 1) / pageSize) + 1;

        /// <summary>How many items this plan writes when the server holds <paramref name="total"/> matches.</summary>
        public long WantedOf(long total)
        {
            long available = Math.Max(0, total - ((long)FirstPage - 1) * PerPage - (long)Math.Min(SkipInFirstPage, long.MaxValue / 2));
            return MaxItems == ulong.MaxValue ? available : Math.Min(available, (long)Math.Min(MaxItems, long.MaxValue));
        }

        /// <summary>How many pages this plan walks when the server's last page is <paramref name="lastPage"/>.</summary>
        public long PagesOf(long lastPage) => (LastWantedPage is long wanted ? Math.Min(wanted, lastPage) : lastPage) - FirstPage + 1;

        /// <param name="page">-Page: only that page.</param>
        /// <param name="perPage">-PerPage; when null the plan picks the size (the largest, or smaller for a short -First window).</param>
        /// <param name="skip">-Skip (0 when not given).</param>
        /// <param name="first">-First (ulong.MaxValue when not given).</param>
        /// <param name="includeTotalCount">-IncludeTotalCount: the total is wanted even when no item is.</param>
        /// <param name="maxPerPage">The endpoint's largest page.</param>
        public static PagePlan Create(int? page, int? perPage, ulong skip, ulong first, bool includeTotalCount, int maxPerPage)
        {
            if (page is < 1) throw new ArgumentOutOfRangeException(nameof(page), "The page number starts at 1.");
            CheckPerPage(perPage, maxPerPage);

            if (first == 0)
            {
                // Only the total is wanted: the smallest possible page carries it.
                return new PagePlan(page ?? 1, 1, 0, 0, singlePage: true, needsRequest: includeTotalCount);
            }

            if (page is int onlyPage)
            {
                int size = perPage ?? maxPerPage;
                return new PagePlan(onlyPage, size, Math.Min(skip, (ulong)size), first, singlePage: true, needsRequest: true, pageGiven: true);
            }

            int chosen = perPage ?? ChoosePerPage(skip, first, maxPerPage);
            ulong startPage = skip / (ulong)chosen + 1;
            if (startPage > int.MaxValue)
            {
                // Further than any page the API can number: nothing can be there, but the total may be wanted.
                return new PagePlan(int.MaxValue, chosen, 0, 0, singlePage: true, needsRequest: includeTotalCount);
            }
            ulong skipInFirst = skip % (ulong)chosen;
            bool single = first <= (ulong)chosen - skipInFirst;
            return new PagePlan((int)startPage, chosen, skipInFirst, first, single, needsRequest: true);
        }

        /// <summary>
        /// The plan of a listing filtered on the client (Get-MhAgent -Name): which items match is known only once they
        /// arrive, so it reads from page 1 at the largest size and applies -Skip and -First to the matches.
        /// </summary>
        public static PagePlan ForClientFilter(int? perPage, ulong skip, ulong first, bool includeTotalCount, int maxPerPage)
        {
            CheckPerPage(perPage, maxPerPage);
            return new PagePlan(1, perPage ?? maxPerPage, skip, first, singlePage: false, needsRequest: first > 0 || includeTotalCount,
                filtersOnClient: true, countsAllMatches: includeTotalCount);
        }

        private static void CheckPerPage(int? perPage, int maxPerPage)
        {
            if (perPage < 1 || perPage > maxPerPage) throw new ArgumentOutOfRangeException(nameof(perPage), $"per_page is from 1 to {maxPerPage}.");
        }

        /// <summary>
        /// A short window (-First up to the largest page) is fetched with the smallest page size whose single page holds the
        /// whole window, so -Skip 150 -First 10 is one request of 10 items; when no size fits, the largest (two pages at most).
        /// </summary>
        private static int ChoosePerPage(ulong skip, ulong first, int maxPerPage)
        {
            if (first > (ulong)maxPerPage) return maxPerPage;
            ulong last = skip + first - 1;
            if (last < skip) return maxPerPage;
            for (ulong size = first; size <= (ulong)maxPerPage; size++)
            {
                if (skip / size == last / size) return (int)size;
            }
            return maxPerPage;
        }
    }
}
