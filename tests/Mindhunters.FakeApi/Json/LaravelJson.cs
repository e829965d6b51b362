using System;
using System.Text.Json;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The Laravel paginator's envelope that contacts and conversations answer with (shared/api/phone-number-lifecycle.md §4):
    /// {"success":true,"data":{"current_page","data":[…],"first_page_url","from","last_page","last_page_url","next_page_url",
    /// "path","per_page","prev_page_url","to","total"}}, where phone numbers, agents and rates use data.items and data.pagination.
    /// </summary>
    internal static class LaravelJson
    {
        public const int DefaultPerPage = 15;

        public static void WritePage(Utf8JsonWriter w, string path, PageWindow window, Action<Utf8JsonWriter, int> writeItem)
        {
            w.WriteStartObject();
            w.WriteBoolean("success"u8, true);
            w.WritePropertyName("data"u8);
            w.WriteStartObject();
            w.WriteNumber("current_page"u8, window.CurrentPage);
            w.WritePropertyName("data"u8);
            w.WriteStartArray();
            for (int k = 0; k < window.ItemCount; k++)
            {
                writeItem(w, window.ItemsStart + k);
            }

            w.WriteEndArray();
            string url = "https://demo.mindhunters.ai/api/v1/" + path;
            w.WriteString("first_page_url"u8, url + "?page=1");
            WriteNullable(w, "from"u8, window.From);
            w.WriteNumber("last_page"u8, window.LastPage);
            w.WriteString("last_page_url"u8, FormattableString.Invariant($"{url}?page={window.LastPage}"));
            if (window.HasMore)
            {
                w.WriteString("next_page_url"u8, FormattableString.Invariant($"{url}?page={window.CurrentPage + 1}"));
            }
            else
            {
                w.WriteNull("next_page_url"u8);
            }

            w.WriteString("path"u8, url);
            w.WriteNumber("per_page"u8, window.PerPage);
            if (window.CurrentPage > 1)
            {
                w.WriteString("prev_page_url"u8, FormattableString.Invariant($"{url}?page={window.CurrentPage - 1}"));
            }
            else
            {
                w.WriteNull("prev_page_url"u8);
            }

            WriteNullable(w, "to"u8, window.To);
            w.WriteNumber("total"u8, window.Total);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void WriteNullable(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
        {
            if (value is long number)
            {
                w.WriteNumber(name, number);
            }
            else
            {
                w.WriteNull(name);
            }
        }
    }
}
