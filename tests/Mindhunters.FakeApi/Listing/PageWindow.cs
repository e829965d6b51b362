using System;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Which items of a list one page shows and the pagination block that goes with them, with the paging faults
    /// (has_more_forever, repeat_page, stuck_page) applied: the same for every list endpoint.
    /// </summary>
    internal readonly record struct PageWindow(int ItemsStart, int ItemCount, long CurrentPage, int PerPage, long Total, long LastPage, long? From, long? To, bool HasMore)
    {
        public static PageWindow Of(int total, long page, int perPage, FaultSettings faults)
        {
            long lastPage = Math.Max(1, (total + (long)perPage - 1) / perPage);

            // (page - 1) * perPage, saturated: page can be any positive long.
            long start = page - 1 > int.MaxValue ? long.MaxValue : (page - 1) * perPage;
            long itemsStart = faults.RepeatPage ? 0 : start;
            int itemCount = itemsStart >= total ? 0 : (int)Math.Min(perPage, total - itemsStart);
            long? from = itemCount > 0 ? start + 1 : null;
            long? to = itemCount > 0 ? start + itemCount : null;

            bool hasMore = page < lastPage;
            if (faults.HasMoreForever)
            {
                hasMore = true;
                lastPage = page == long.MaxValue ? page : page + 1;
            }

            long currentPage = faults.StuckPage ? 1 : page;
            return new PageWindow((int)Math.Min(itemsStart, int.MaxValue), itemCount, currentPage, perPage, total, lastPage, from, to, hasMore);
        }
    }
}
