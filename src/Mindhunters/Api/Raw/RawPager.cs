using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api.Json;

namespace Mindhunters.Api.Raw
{
    /// <summary>
    /// Invoke-MhRequest -All: the pages of a GET, in either of the API's shapes (<see cref="RawPages"/>), through the engine's
    /// <see cref="Lister{T}"/> and its guards (a page number other than the one asked for, pages that repeat, a server that
    /// says "more" for ever). The first page is asked for without a per_page of the module's (the user's -Query decides it),
    /// and the server's own page size is followed from then on.
    /// </summary>
    internal sealed class RawPager : IDisposable
    {
        private readonly Lister<RawItem>? _lister;

        private RawPager(RawAnswer? first, Lister<RawItem>? lister)
        {
            First = first;
            _lister = lister;
        }

        /// <summary>The first answer; when it is not a page (<see cref="IsPage"/> false) it is the whole result.</summary>
        public RawAnswer? First { get; }

        public bool IsPage => _lister is not null;

        /// <param name="query">The user's query, without "page": the pager adds it.</param>
        public static async Task<RawPager> StartAsync(MhApiClient client, MhConnection connection, string path, IReadOnlyList<KeyValuePair<string, string>> query,
            IListingLog log, CancellationToken cancellationToken)
        {
            string noun = RawRequests.Normalize(path).TrimEnd('/').Split('/').Last();
            Task<ListPage<RawItem>> Fetch(int page, CancellationToken token) => FetchAsync(client, connection, path, noun, query, page, log, token);

            ApiOperation operation = ApiOperation.ListPage(noun, "Invoke-MhRequest", 1);
            RawAnswer? first = await RawRequests.SendAsync(client, connection, HttpMethod.Get, RawRequests.UriOf(connection, path, WithPage(query, 1)), null, operation, log, cancellationToken).ConfigureAwait(false);
            ListPage<RawItem>? firstPage = RawPages.Of(first, 1);
            if (firstPage is null) return new RawPager(first, null);

            int size = (int)Math.Max(1, Math.Min(int.MaxValue, firstPage.PerPage ?? firstPage.Items.Count));
            var endpoint = new ListEndpoint<RawItem>(path, noun, "Invoke-MhRequest", size, MindhuntersJsonContext.Default.RawItemListResponse,
                MindhuntersJsonContext.Default.RawItem, item => Guid.Empty);
            PagePlan plan = PagePlan.Create(null, size, 0, ulong.MaxValue, false, size);
            var lister = new Lister<RawItem>(endpoint, plan,
                (page, perPage, onThrottled, token) => page == 1 ? Task.FromResult(firstPage) : Fetch(page, token),
                1, log, cancellationToken);
            return new RawPager(first, lister);
        }

        /// <summary>The next page's items, or null at the end.</summary>
        public Task<PageBatch<RawItem>?> NextAsync() => _lister is null ? Task.FromResult<PageBatch<RawItem>?>(null) : _lister.NextAsync();

        private static async Task<ListPage<RawItem>> FetchAsync(MhApiClient client, MhConnection connection, string path, string noun,
            IReadOnlyList<KeyValuePair<string, string>> query, int page, IListingLog log, CancellationToken cancellationToken)
        {
            ApiOperation operation = ApiOperation.ListPage(noun, "Invoke-MhRequest", page);
            RawAnswer? answer = await RawRequests.SendAsync(client, connection, HttpMethod.Get, RawRequests.UriOf(connection, path, WithPage(query, page)), null, operation, log, cancellationToken)
                .ConfigureAwait(false);
            return RawPages.Of(answer, page) ?? throw new MhApiException(MhErrorKind.InvalidResponse,
                $"{operation.Failed}: its answer is not a page like page 1 (data.items with data.pagination, or data.data with current_page). The listing was ended.",
                "Run the command again; if it keeps failing, request the pages one by one with -Query @{ page = N }.") { Page = page };
        }

        private static IEnumerable<KeyValuePair<string, string>> WithPage(IReadOnlyList<KeyValuePair<string, string>> query, int page) =>
            new[] { new KeyValuePair<string, string>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }.Concat(query);

        public void Dispose() => _lister?.Dispose();
    }
}
