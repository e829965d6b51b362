using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>One page as the server sent it, with the pagination values it gave (null where it gave none).</summary>
    internal sealed class ListPage<T>
    {
        private readonly PageAllowance? _allowance;

        /// <param name="allowance">The page's share of its listing's budget, given back by <see cref="Release"/>.</param>
        public ListPage(int requestedPage, IReadOnlyList<T> items, long? currentPage, long? perPage, long? total, long? lastPage, bool? hasMore,
            PageAllowance? allowance = null)
        {
            _allowance = allowance;
            RequestedPage = requestedPage;
            Items = items;
            CurrentPage = currentPage;
            PerPage = perPage;
            Total = total;
            LastPage = lastPage;
            HasMore = hasMore;
        }

        public int RequestedPage { get; }
        public IReadOnlyList<T> Items { get; }
        public long? CurrentPage { get; }

        /// <summary>pagination.per_page: a server may page by less than was asked for.</summary>
        public long? PerPage { get; }

        public long? Total { get; }
        public long? LastPage { get; }
        public bool? HasMore { get; }

        /// <summary>The page is taken by the cmdlet or dropped: what it held no longer counts against the listing.</summary>
        public void Release() => _allowance?.Dispose();
    }
}
