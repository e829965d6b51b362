using System;
using System.Text;
using System.Text.RegularExpressions;

namespace Mindhunters.Api
{
    /// <summary>
    /// The one way server text (a message, a reason phrase, an excerpt, an exception's words) reaches a stream, an
    /// error or a transcript: terminal escapes and control characters out, the token blanked, then cut to length.
    /// The order matters: control characters are removed before the token is searched for, so a token split by
    /// them is still found, and the cut comes last, so it can never leave the first characters of a token behind.
    /// </summary>
    internal static class ServerText
    {
        public const int DefaultMaxChars = 500;

        // CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and any other two-character escape.
        private static readonly Regex TerminalEscape = new Regex(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B.?|\u009B[0-?]*[ -/]*[@-~]|\u009D[^\u0007\u009C]*[\u0007\u009C]?",
            RegexOptions.CultureInvariant);

        public static string Clean(string? text, MhConnection? connection, int maxChars = DefaultMaxChars)
        {
            if (string.IsNullOrEmpty(text)) return "";
            string cleaned = RemoveControlCharacters(text!);
            if (connection is not null) cleaned = Redact(cleaned, connection);
            return Cut(cleaned, maxChars);
        }

        private static string RemoveControlCharacters(string text)
        {
            // Most server text ("OK", a message) has nothing to remove: no regex, no copy for it.
            bool clean = true;
            foreach (char c in text)
            {
                if (char.IsControl(c) || IsBidiControl(c))
                {
                    clean = false;
                    break;
                }
            }
            if (clean) return text.Trim();
            string withoutEscapes = TerminalEscape.Replace(text, "");
            var result = new StringBuilder(withoutEscapes.Length);
            foreach (char c in withoutEscapes)
            {
                if (c == '\t' || c == '\r' || c == '\n') result.Append(' ');
                else if (char.IsControl(c) || IsBidiControl(c)) continue;
                else result.Append(c);
            }
            return result.ToString().Trim();
        }

        // Right-to-left overrides and isolates make a line read differently from what it says.
        private static bool IsBidiControl(char c) => (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

        private static string Redact(string text, MhConnection connection)
        {
            // Text shorter than the token cannot hold it; then the token is not turned into text at all (a page's
            // reason phrase passes here every time).
            if (text.Length < connection.TokenLength) return text;
            string header = connection.CreateAuthorizationHeaderValue();
            string token = header.Substring("Bearer ".Length);
            if (token.Length < 4) return text;
            string redacted = text.Replace(token, "***");
            string escaped = Uri.EscapeDataString(token);
            return escaped == token ? redacted : redacted.Replace(escaped, "***");
        }

        private static string Cut(string text, int maxChars) => text.Length > maxChars ? text.Substring(0, maxChars) + "…" : text;
    }
}
