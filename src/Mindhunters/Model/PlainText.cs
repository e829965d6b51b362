using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Mindhunters.Model
{
    /// <summary>
    /// Plain values (<see cref="PlainObject"/>, <see cref="PlainList"/> and what they hold) as one line of text:
    /// "voice: {voice_id: v1}, text: {}" for an object, "a; b" for a list, with nested objects in braces and nested lists
    /// in brackets. The text is cut at <see cref="MaxChars"/>: a cell or a column is no place for a whole document.
    /// </summary>
    internal static class PlainText
    {
        public const int MaxChars = 2000;

        private const int MaxDepth = 8;

        public static string Of(IEnumerable<KeyValuePair<string, object?>> map)
        {
            var text = new StringBuilder();
            AppendEntries(text, map, 0);
            return Finish(text, "{}");
        }

        public static string Of(IEnumerable<object?> list)
        {
            var text = new StringBuilder();
            AppendItems(text, list, "; ", 0);
            return Finish(text, "");
        }

        private static string Finish(StringBuilder text, string empty)
        {
            if (text.Length == 0) return empty;
            return text.Length <= MaxChars ? text.ToString() : text.ToString(0, MaxChars - 1) + "…";
        }

        private static void AppendEntries(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> map, int depth)
        {
            bool first = true;
            foreach (KeyValuePair<string, object?> entry in map)
            {
                if (text.Length > MaxChars) return;
                if (!first) text.Append(", ");
                first = false;
                text.Append(entry.Key).Append(": ");
                AppendValue(text, entry.Value, depth + 1);
            }
        }

        private static void AppendItems(StringBuilder text, IEnumerable<object?> list, string separator, int depth)
        {
            bool first = true;
            foreach (object? item in list)
            {
                if (text.Length > MaxChars) return;
                if (!first) text.Append(separator);
                first = false;
                AppendValue(text, item, depth + 1);
            }
        }

        private static void AppendValue(StringBuilder text, object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                text.Append('…');
                return;
            }
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case string s:
                    text.Append(s);
                    break;
                case bool flag:
                    text.Append(flag ? "true" : "false");
                    break;
                case decimal number:
                    text.Append(number.ToString(CultureInfo.InvariantCulture));
                    break;
                case double real:
                    text.Append(real.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case IEnumerable<KeyValuePair<string, object?>> map:
                    text.Append('{');
                    AppendEntries(text, map, depth);
                    text.Append('}');
                    break;
                case IEnumerable<object?> list:
                    text.Append('[');
                    AppendItems(text, list, ", ", depth);
                    text.Append(']');
                    break;
                default:
                    text.Append(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
