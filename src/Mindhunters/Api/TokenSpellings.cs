using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Mindhunters.Api
{
    /// <summary>
    /// Every way the module can compute that a server might write the token back: as it is, percent-encoded by each
    /// common rule (RFC 3986, RFC 2396, HttpUtility.UrlEncode, all but letters and digits), with a space as %20 or '+',
    /// and base64, standard or URL-safe, padded or not. A token inside a longer base64 text (a Basic header's
    /// "user:token") is spelled by the base64 characters that only the token's bytes determine, for each of the three
    /// alignments a byte offset can have. Made only while text long enough to hold the token is redacted.
    /// </summary>
    internal static class TokenSpellings
    {
        // The characters each percent-encoding rule leaves as they are, besides letters and digits.
        private static readonly string[] KeptByEncoding = { "-._~", "-._~!*'()", "-_.!*()", "" };

        // A shorter run of base64 could stand in unrelated text by chance.
        private const int MinEmbeddedChars = 10;

        /// <summary>The spellings, longest first, so that a whole one is blanked before a part of it could be.</summary>
        public static IReadOnlyList<string> Of(string token)
        {
            var spellings = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { token };
            byte[] bytes = Encoding.UTF8.GetBytes(token);
            foreach (string kept in KeptByEncoding)
            {
                spellings.Add(PercentEncoded(bytes, kept, "%20"));
                spellings.Add(PercentEncoded(bytes, kept, "+"));
            }
            string base64 = Convert.ToBase64String(bytes);
            foreach (string standard in new[] { base64 }.Concat(EmbeddedBase64(bytes)))
            {
                string urlSafe = standard.Replace('+', '-').Replace('/', '_');
                foreach (string spelling in new[] { standard, standard.TrimEnd('='), urlSafe, urlSafe.TrimEnd('=') })
                {
                    if (spelling.Length >= MinEmbeddedChars || spelling.Length >= token.Length) spellings.Add(spelling);
                }
            }
            return spellings.OrderByDescending(spelling => spelling.Length).ToArray();
        }

        private static string PercentEncoded(byte[] bytes, string kept, string space)
        {
            var text = new StringBuilder(bytes.Length * 3);
            foreach (byte b in bytes)
            {
                char c = (char)b;
                if (b < 0x80 && (char.IsLetterOrDigit(c) || kept.IndexOf(c) >= 0)) text.Append(c);
                else if (c == ' ') text.Append(space);
                else text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }

        /// <summary>
        /// For the token's bytes at an offset of 0, 1 or 2 bytes within a base64 group: the characters whose six bits all
        /// come from the token (the first and last characters mix in the bits of the bytes around it).
        /// </summary>
        private static IEnumerable<string> EmbeddedBase64(byte[] token)
        {
            for (int offset = 0; offset < 3; offset++)
            {
                var padded = new byte[offset + token.Length];
                Array.Copy(token, 0, padded, offset, token.Length);
                string encoded = Convert.ToBase64String(padded);
                int first = (offset * 8 + 5) / 6;
                int end = (offset + token.Length) * 8 / 6;
                if (end - first >= MinEmbeddedChars) yield return encoded.Substring(first, end - first);
            }
        }
    }
}
