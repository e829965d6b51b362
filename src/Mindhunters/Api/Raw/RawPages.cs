using System;
using System.Collections.Generic;
using System.Linq;

namespace Mindhunters.Api.Raw
{
    /// <summary>
    /// The two ways the API pages a list: data.items with data.pagination {current_page, per_page, total, last_page,
    /// has_more} (phone numbers, agents, rates), and Laravel's data.data with current_page, per_page, total and last_page
    /// beside it (contacts, conversations). An answer in neither shape is not a page.
    /// </summary>
    internal static class RawPages
    {
        /// <returns>The page; null when the answer's data is not a page of either shape.</returns>
        public static ListPage<RawItem>? Of(RawAnswer? answer, int requestedPage)
        {
            if (answer?.Data is not RawObject data) return null;
            if (data.TryGet("items", out object? items) && items is object?[] listed)
            {
                RawObject? pagination = data.TryGet("pagination", out object? p) ? p as RawObject : null;
                return Page(requestedPage, listed, pagination);
            }
            if (data.TryGet("data", out object? laravel) && laravel is object?[] rows && data.TryGet("current_page", out _))
            {
                ListPage<RawItem> page = Page(requestedPage, rows, data);
                // Laravel says there is no next page with next_page_url: null, beside last_page.
                bool? hasMore = data.TryGet("next_page_url", out object? next) ? next is string : null;
                return new ListPage<RawItem>(page.RequestedPage, page.Items, page.CurrentPage, page.PerPage, page.Total, page.LastPage, hasMore);
            }
            return null;
        }

        private static ListPage<RawItem> Page(int requestedPage, object?[] items, RawObject? pagination) =>
            new ListPage<RawItem>(requestedPage, items.Select(item => new RawItem(item)).ToList(),
                Number(pagination, "current_page"), Number(pagination, "per_page"), Number(pagination, "total"), Number(pagination, "last_page"),
                pagination is not null && pagination.TryGet("has_more", out object? more) && more is bool flag ? flag : null);

        private static long? Number(RawObject? parent, string name) =>
            parent is not null && parent.TryGet(name, out object? value) ? value switch
            {
                long whole => whole,
                string text when long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long parsed) => parsed,
                _ => null,
            } : null;
    }
}
