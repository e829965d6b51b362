using System;

namespace Mindhunters.Api
{
    /// <summary>
    /// Turns -Page/-PerPage/-Skip/-First into the pages to request: which page to start at, at what size,
    /// how many items of the first page to pass over, and how many items to write at most.
    /// </summary>
    internal sealed class PagePlan
    {
        private PagePlan(int firstPage, int perPage, int skipInFirstPage, ulong maxItems, bool singlePage, bool needsRequest, bool pageGiven = false)
        {
            PageGiven = pageGiven;
            FirstPage = firstPage;
            PerPage = perPage;
            SkipInFirstPage = skipInFirstPage;
            MaxItems = maxItems;
            SinglePage = singlePage;
            NeedsRequest = needsRequest;
        }

        public int FirstPage { get; }
        public int PerPage { get; }
        public int SkipInFirstPage { get; }

        /// <summary>ulong.MaxValue: no limit, every match is listed.</summary>
        public ulong MaxItems { get; }

        /// <summary>Only <see cref="FirstPage"/> is requested.</summary>
        public bool SinglePage { get; }

        /// <summary>The page number came from -Page, not from -Skip arithmetic.</summary>
        public bool PageGiven { get; }

        /// <summary>False for -First 0 without -IncludeTotalCount: nothing to ask the server.</summary>
        public bool NeedsRequest { get; }

        /// <summary>The last page that can hold a wanted item, or null when the listing runs to the end.</summary>
        public long? LastWantedPage => LastWantedPageAt(PerPage);

        /// <summary>The same, for a server that pages by another size than the one asked for.</summary>
        public long? LastWantedPageAt(int pageSize) =>
            SinglePage ? FirstPage
            : MaxItems == ulong.MaxValue ? null
            : FirstPage + (long)Math.Ceiling(((decimal)SkipInFirstPage + MaxItems) / pageSize) - 1;

        /// <summary>How many numbers this plan writes when the server holds <paramref name="total"/> matches.</summary>
        public long WantedOf(long total)
        {
            long available = Math.Max(0, total - ((long)FirstPage - 1) * PerPage - SkipInFirstPage);
            return MaxItems == ulong.MaxValue ? available : Math.Min(available, (long)Math.Min(MaxItems, long.MaxValue));
        }

        /// <summary>How many pages this plan walks when the server's last page is <paramref name="lastPage"/>.</summary>
        public long PagesOf(long lastPage) => (LastWantedPage is long wanted ? Math.Min(wanted, lastPage) : lastPage) - FirstPage + 1;

        /// <param name="page">-Page: only that page.</param>
        /// <param name="perPage">-PerPage; when null the plan picks the size (100, or smaller for a short -First window).</param>
        /// <param name="skip">-Skip (0 when not given).</param>
        /// <param name="first">-First (ulong.MaxValue when not given).</param>
        /// <param name="includeTotalCount">-IncludeTotalCount: the total is wanted even when no item is.</param>
        public static PagePlan Create(int? page, int? perPage, ulong skip, ulong first, bool includeTotalCount)
        {
            if (page is < 1) throw new ArgumentOutOfRangeException(nameof(page), "The page number starts at 1.");
            if (perPage is < 1 or > PhoneNumberQuery.MaxPerPage) throw new ArgumentOutOfRangeException(nameof(perPage), "per_page is from 1 to 100.");

            if (first == 0)
            {
                // Only the total is wanted: the smallest possible page carries it.
                return new PagePlan(page ?? 1, 1, 0, 0, singlePage: true, needsRequest: includeTotalCount);
            }

            if (page is int onlyPage)
            {
                int size = perPage ?? PhoneNumberQuery.MaxPerPage;
                return new PagePlan(onlyPage, size, (int)Math.Min(skip, (ulong)size), first, singlePage: true, needsRequest: true, pageGiven: true);
            }

            int chosen = perPage ?? ChoosePerPage(skip, first);
            ulong startPage = skip / (ulong)chosen + 1;
            if (startPage > int.MaxValue)
            {
                // Further than any page the API can number: nothing can be there, but the total may be wanted.
                return new PagePlan(int.MaxValue, chosen, 0, 0, singlePage: true, needsRequest: includeTotalCount);
            }
            int skipInFirst = (int)(skip % (ulong)chosen);
            bool single = first <= (ulong)(chosen - skipInFirst);
            return new PagePlan((int)startPage, chosen, skipInFirst, first, single, needsRequest: true);
        }

        /// <summary>
        /// A short window (-First up to 100) is fetched with the smallest page size whose single page holds the
        /// whole window, so -Skip 150 -First 10 is one request of 10 items; when no size fits, 100 (two pages at most).
        /// </summary>
        private static int ChoosePerPage(ulong skip, ulong first)
        {
            if (first > PhoneNumberQuery.MaxPerPage) return PhoneNumberQuery.MaxPerPage;
            ulong last = skip + first - 1;
            if (last < skip) return PhoneNumberQuery.MaxPerPage;
            for (ulong size = first; size <= PhoneNumberQuery.MaxPerPage; size++)
            {
                if (skip / size == last / size) return (int)size;
            }
            return PhoneNumberQuery.MaxPerPage;
        }
    }
}
