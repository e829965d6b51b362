using System.Text;

namespace Mindhunters.Api
{
    /// <summary>
    /// A phone number or a dialling prefix as people write one in the E.164 way: "+1 (212) 555-0100", "+49 15". The API
    /// writes numbers as "+12125550100" and rate prefixes as digits ("4915"), so what is compared and sent is the
    /// digits: one leading '+' and the spaces, dashes, dots and parentheses between the digits are dropped.
    /// </summary>
    internal static class E164
    {
        /// <summary>The most digits an E.164 number has (country code included).</summary>
        public const int MaxDigits = 15;

        /// <summary>The digits of <paramref name="text"/>, after <see cref="Problem"/> found nothing wrong with it.</summary>
        public static string Digits(string text)
        {
            var digits = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c >= '0' && c <= '9') digits.Append(c);
            }
            return digits.ToString();
        }

        /// <summary>Null when <paramref name="text"/> is usable; otherwise what is wrong with it, in words.</summary>
        /// <param name="what">"number" or "prefix": what the message calls it.</param>
        public static string? Problem(string text, string what)
        {
            string trimmed = text.Trim();
            int digits = 0;
            for (int i = 0; i < trimmed.Length; i++)
            {
                char c = trimmed[i];
                if (c >= '0' && c <= '9') digits++;
                else if (c == '+' && i == 0) continue;
                else if (!IsSeparator(c)) return $"'{text}' is not a {what} in the E.164 way: give only digits, such as +4915 (a leading '+' and spaces, dashes, dots and parentheses are ignored).";
            }
            if (digits == 0) return $"'{text}' has no digits: give a {what} such as +4915.";
            if (digits > MaxDigits) return $"'{text}' has {digits} digits; an E.164 {what} has at most {MaxDigits} digits.";
            if (Digits(trimmed)[0] == '0') return $"'{text}' starts with 0: give the {what} in international form, starting with the country code (+49 30 …, not 030 …).";
            return null;
        }

        private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c == '-' || c == '.' || c == '(' || c == ')';
    }
}
