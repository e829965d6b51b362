using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// A server that echoes the token in another spelling: percent-encoded in either case, form-encoded, base64 (also
    /// inside the base64 of a longer text, such as a Basic header's "user:token"), or split by invisible characters.
    /// Whatever spelling it uses, server text reaches no stream with the token in it.
    /// </summary>
    public sealed class RedactionTests
    {
        // Sanctum-style, with characters that the encodings spell differently (| / + = space ~ ! * ( ) ? >); its base64 has a '+'.
        private const string Token = "42|k/Z+q w=Rt~x!y*z(1)Secret?>~~~";

        private static readonly MhConnection Connection =
            MhConnection.Create("demo", ConnectionTests.Secure(Token), new Uri("https://demo.mindhunters.ai"), 100, TokenOrigin.ConnectMhAccount);

        private static string Clean(string text) => ServerText.Clean(text, Connection, 10_000);

        private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        public static IEnumerable<object[]> Spellings()
        {
            string base64 = Base64(Token);
            string urlSafe = base64.Replace('+', '-').Replace('/', '_');
            var spellings = new Dictionary<string, string>
            {
                ["as is"] = Token,
                ["percent-encoded, upper case"] = Uri.EscapeDataString(Token),
                ["percent-encoded, lower case (HttpUtility.UrlEncode)"] = "42%7ck%2fZ%2bq%20w%3dRt~x!y*z(1)Secret%3f%3e~~~",
                ["percent-encoded, mixed case"] = "42%7ck%2FZ%2bq%20w%3DRt%7ex%21y%2az%281%29Secret%3F%3e%7E%7e%7E",
                ["form-encoded, + for space"] = "42%7ck%2fZ%2bq+w%3dRt%7ex!y*z(1)Secret%3f%3e%7e%7e%7e",
                ["base64"] = base64,
                ["base64 without padding"] = base64.TrimEnd('='),
                ["base64, URL-safe"] = urlSafe,
                ["base64, URL-safe without padding"] = urlSafe.TrimEnd('='),
            };
            return spellings.Select(pair => new object[] { pair.Key, pair.Value });
        }

        [Theory]
        [MemberData(nameof(Spellings))]
        public void EverySpellingOfTheToken_IsBlanked(string spelling, string text)
        {
            string cleaned = Clean("The server said: " + text + " (done)");

            Assert.DoesNotContain(text, cleaned, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("***", cleaned);
            Assert.StartsWith("The server said: ", cleaned, StringComparison.Ordinal);
            Assert.EndsWith(" (done)", cleaned, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(spelling));
        }

        [Theory]
        [InlineData("")]
        [InlineData("u:")]
        [InlineData("user:")]
        [InlineData("Bearer ")]
        public void TheBase64OfATextThatHoldsTheToken_LosesEveryPartThatSpellsIt(string before)
        {
            // "Basic dXNlcjo0Mnxr…": the token's bytes start at any offset of the encoded text.
            foreach (string encoded in new[] { Base64(before + Token + "@acme"), Base64(before + Token + "@acme").Replace('+', '-').Replace('/', '_') })
            {
                string cleaned = Clean("Authorization: Basic " + encoded);

                Assert.Contains("***", cleaned);
                // No run of 8 characters that only the token's bytes determine is left.
                foreach (string run in TokenOnlyRuns(before.Length, encoded)) Assert.DoesNotContain(run, cleaned, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData('\u200B')] // zero-width space
        [InlineData('\u200C')] // zero-width non-joiner
        [InlineData('\u200D')] // zero-width joiner
        [InlineData('\u2060')] // word joiner
        [InlineData('\uFEFF')] // byte order mark (zero-width no-break space)
        [InlineData('\u00AD')] // soft hyphen
        [InlineData('\u034F')] // combining grapheme joiner
        [InlineData('\u180E')] // Mongolian vowel separator
        [InlineData('\u2062')] // invisible times
        [InlineData('\u3164')] // Hangul filler
        [InlineData('\uFE0F')] // variation selector-16
        public void ATokenSplitByAnInvisibleCharacter_IsBlanked_AndTheCharacterIsGone(char invisible)
        {
            string split = string.Join(invisible.ToString(), Token.Select(c => c.ToString()).ToArray());

            string cleaned = Clean("Hello " + split + "!");

            Assert.Equal("Hello ***!", cleaned);
        }

        [Fact]
        public void InvisibleCharacters_AreRemovedFromAnyServerText()
        {
            Assert.Equal("Unauthenticated.", ServerText.Clean("Un\u200Bauth\u2060enti\uFEFFcated\u00AD.", null));
        }

        [Fact]
        public void TextThatOnlyLooksLikeTheTokenInParts_IsLeftAsItIs()
        {
            const string text = "42|k/Z is not the token, nor is Secret, nor NDJ8";
            Assert.Equal(text, Clean(text));
        }

        /// <summary>Every 8-character run of <paramref name="encoded"/> whose bits all come from the token's bytes.</summary>
        private static IEnumerable<string> TokenOnlyRuns(int tokenOffset, string encoded)
        {
            int tokenBytes = Encoding.UTF8.GetByteCount(Token);
            int firstBit = tokenOffset * 8, endBit = (tokenOffset + tokenBytes) * 8;
            int first = (firstBit + 5) / 6, end = endBit / 6;
            for (int i = first; i + 8 <= end; i++) yield return encoded.Substring(i, 8);
        }
    }
}
