using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>What the cmdlet writes for one page: the items left after the filter, -Skip/-First and duplicates.</summary>
    internal sealed class PageBatch<T>
    {
        public PageBatch(int page, IReadOnlyList<T> items, long? total, long? lastPage, bool isFirst)
        {
            Page = page;
            Items = items;
            Total = total;
            LastPage = lastPage;
            IsFirst = isFirst;
        }

        public int Page { get; }
        public IReadOnlyList<T> Items { get; }
        public long? Total { get; }
        public long? LastPage { get; }
        public bool IsFirst { get; }
    }
}
