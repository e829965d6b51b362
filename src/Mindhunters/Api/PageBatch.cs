using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>What the cmdlet writes for one page: the items left after the filter, -Skip/-First and duplicates.</summary>
    internal sealed class PageBatch<T>
    {
        public int Page { get; init; }
        public IReadOnlyList<T> Items { get; init; } = new T[0];

        /// <summary>The first page's pagination.total and last_page: what progress counts against.</summary>
        public long? Total { get; init; }
        public long? LastPage { get; init; }

        public bool IsFirst { get; init; }
    }
}
