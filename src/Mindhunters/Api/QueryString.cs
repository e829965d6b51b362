using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Mindhunters.Api
{
    internal static class QueryString
    {
        /// <summary>"page=2&amp;per_page=100&amp;status=active…": page first, then the filters.</summary>
        public static string Of(int page, int perPage, IListQuery query)
        {
            var text = new StringBuilder(128);
            Append(text, QueryNames.Page, page.ToString(CultureInfo.InvariantCulture));
            Append(text, QueryNames.PerPage, perPage.ToString(CultureInfo.InvariantCulture));
            foreach (KeyValuePair<string, string> filter in query.Filters()) Append(text, filter.Key, filter.Value);
            return text.ToString();
        }

        private static void Append(StringBuilder text, string name, string value)
        {
            if (text.Length > 0) text.Append('&');
            text.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
