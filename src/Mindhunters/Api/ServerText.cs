using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mindhunters.Api
{
    /// <summary>
    /// The one way server text (a message, a reason phrase, an excerpt, an exception's words, a number or a name from a
    /// server object) reaches a stream, a prompt, an error or a transcript: terminal escapes, control characters and
    /// invisible characters out, every spelling of the token blanked, then cut to length. The order matters: what cannot
    /// be seen is removed before the token is searched for, so a token split by it is still found, and the cut comes
    /// last, so it can never leave the first characters of a token behind.
    /// </summary>
    internal static class ServerText
    {
        public const int DefaultMaxChars = 500;

        // CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and any other two-character escape.
        private static readonly Regex TerminalEscape = new Regex(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B.?|\u009B[0-?]*[ -/]*[@-~]|\u009D[^\u0007\u009C]*[\u0007\u009C]?",
            RegexOptions.CultureInvariant);

        public static string Clean(string? text, MhConnection? connection, int maxChars = DefaultMaxChars) =>
            Clean(connection, maxChars, text)[0];

        /// <summary>
        /// Several texts of one object (a write's target and action), the token's spellings made once for all of them:
        /// a bulk write cleans two texts per object, and making the spellings is most of what cleaning costs.
        /// </summary>
        public static string[] Clean(MhConnection? connection, int maxChars, params string?[] texts) =>
            Clean(connection is null ? null : new SecretSpellings(connection), maxChars, texts);

        /// <summary>The texts cleaned with spellings the caller keeps (a write command, for every object piped into it).</summary>
        /// <param name="spellings">Those of the connection whose secrets are blanked; null when there is none.</param>
        public static string[] Clean(SecretSpellings? spellings, int maxChars, params string?[] texts)
        {
            var cleaned = new string[texts.Length];
            for (int i = 0; i < texts.Length; i++)
            {
                string? text = texts[i];
                if (string.IsNullOrEmpty(text))
                {
                    cleaned[i] = "";
                    continue;
                }
                string seen = RemoveUnseen(text!);
                if (spellings is not null) seen = Redact(seen, spellings);
                cleaned[i] = Cut(seen, maxChars);
            }
            return cleaned;
        }

        private static string RemoveUnseen(string text)
        {
            // Most server text ("OK", a message) has nothing to remove: no regex, no copy for it.
            if (!HasUnseen(text)) return text.Trim();
            string withoutEscapes = TerminalEscape.Replace(text, "");
            var result = new StringBuilder(withoutEscapes.Length);
            for (int i = 0; i < withoutEscapes.Length; i++)
            {
                char c = withoutEscapes[i];
                if (c is '\t' or '\r' or '\n' or '\u2028' or '\u2029') result.Append(' ');
                else if (char.IsControl(c)) continue;
                else if (IsInvisible(withoutEscapes, i)) i += char.IsHighSurrogate(c) ? 1 : 0;
                else result.Append(c);
            }
            return result.ToString().Trim();
        }

        private static bool HasUnseen(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= ' ' && c < '\u007F') continue;
                if (char.IsControl(c) || c is '\u2028' or '\u2029' || IsInvisible(text, i)) return true;
            }
            return false;
        }

        /// <summary>
        /// A character that takes no room: format characters (zero-width space and joiners, word joiner, byte order mark,
        /// soft hyphen, bidirectional controls, invisible operators, tags), the combining grapheme joiner, Hangul fillers,
        /// Khmer inherent vowels and variation selectors. Bidirectional controls also make a line read otherwise than it says.
        /// </summary>
        private static bool IsInvisible(string text, int index)
        {
            char c = text[index];
            if (c is '\u034F' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u3164' or '\uFFA0') return true;
            if (c >= '\uFE00' && c <= '\uFE0F') return true;
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, text[index + 1]);
                if (codePoint >= 0xE0100 && codePoint <= 0xE01EF) return true;
            }
            return CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.Format;
        }

        private static string Redact(string text, SecretSpellings spellings)
        {
            // No spelling of a secret is shorter than the secret: shorter text cannot hold it, and then no secret is turned
            // into text at all (a page's reason phrase passes here every time).
            if (text.Length < spellings.Connection.ShortestSecretLength) return text;
            foreach (string spelling in spellings.All)
            {
                if (text.Length >= spelling.Length) text = ReplaceIgnoringCase(text, spelling, "***");
            }
            return text;
        }

        // Case is ignored: hex digits come in either case, and blanking a case variant of the token costs nothing.
        private static string ReplaceIgnoringCase(string text, string value, string replacement)
        {
            int found = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            if (found < 0) return text;
            var result = new StringBuilder(text.Length);
            int start = 0;
            while (found >= 0)
            {
                result.Append(text, start, found - start).Append(replacement);
                start = found + value.Length;
                found = text.IndexOf(value, start, StringComparison.OrdinalIgnoreCase);
            }
            return result.Append(text, start, text.Length - start).ToString();
        }

        private static string Cut(string text, int maxChars) => text.Length > maxChars ? text.Substring(0, maxChars) + "…" : text;
    }
}
