using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mindhunters.FakeApi
{
    /// <summary>Phone numbers as the fake reads them from requests: E.164 checks, digits, the country a number dials.</summary>
    internal static class FakeNumbers
    {
        private static readonly Regex E164 = new("^\\+?[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant);

        // The country of a number by its calling code, for the numbers a trunk brings in (the request names none).
        private static readonly (string Prefix, string Country)[] CallingCodes =
        {
            ("1", "US"), ("44", "GB"), ("49", "DE"), ("33", "FR"), ("31", "NL"), ("39", "IT"), ("34", "ES"), ("61", "AU"), ("41", "CH"), ("43", "AT"),
        };

        /// <summary>"+390212345678" or "390212345678": a '+' at most, then 7 to 15 digits, the first not 0.</summary>
        public static bool IsE164(string? text) => text is not null && E164.IsMatch(text);

        public static string Digits(string text)
        {
            var digits = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c is >= '0' and <= '9')
                {
                    digits.Append(c);
                }
            }

            return digits.ToString();
        }

        /// <summary>"+" and the digits, as the API writes numbers.</summary>
        public static string Normalized(string text) => "+" + Digits(text);

        public static string CountryOf(string number)
        {
            string digits = Digits(number);
            foreach ((string prefix, string country) in CallingCodes)
            {
                if (digits.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return country;
                }
            }

            return "US";
        }

        /// <summary>The index of the computed number <paramref name="number"/> among 1..<paramref name="count"/>: its last seven digits.</summary>
        public static bool TryIndexOf(string number, int count, out int index)
        {
            string digits = Digits(number);
            index = 0;
            if (digits.Length < 8 || !int.TryParse(digits.Substring(digits.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out int candidate)
                || candidate < 1 || candidate > count || Digits(FakeData.Item(candidate).Number) != digits)
            {
                return false;
            }

            index = candidate;
            return true;
        }
    }
}
