using System.Globalization;
using System.Net.Http;
using System.Text;

namespace Mindhunters.Api
{
    /// <summary>
    /// The Debug line of one page: the body size and the pagination the server gave, for telling paging trouble
    /// apart from data trouble. Sizes and numbers only: never a header, never the token.
    /// </summary>
    internal static class PageDebug
    {
        public static string Describe<T>(HttpResponseMessage response, ListPage<T> page)
        {
            var text = new StringBuilder(160);
            text.Append("Page ").Append(page.RequestedPage.ToString(CultureInfo.InvariantCulture)).Append(": ");
            // Content-Length is gone when the body was decompressed or sent chunked; the size is then unknown.
            if (response.Content?.Headers.ContentLength is long bytes)
            {
                text.Append(bytes.ToString(CultureInfo.InvariantCulture)).Append(" bytes");
            }
            else
            {
                text.Append("body size not announced (compressed or chunked)");
            }
            text.Append(", ").Append(page.Items.Count.ToString(CultureInfo.InvariantCulture)).Append(" items; pagination: current_page ")
                .Append(Number(page.CurrentPage)).Append(", total ").Append(Number(page.Total))
                .Append(", last_page ").Append(Number(page.LastPage))
                .Append(", has_more ").Append(page.HasMore is bool more ? (more ? "true" : "false") : "absent");
            return text.ToString();
        }

        private static string Number(long? value) => value is long v ? v.ToString(CultureInfo.InvariantCulture) : "absent";
    }
}
