using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace Mindhunters.Api
{
    /// <summary>
    /// Reads channel settings from what a spreadsheet row or a command line holds: text such as "true", "0", "12" or
    /// "US;GB", or values already typed. PowerShell itself refuses the text "false" for a [bool] (it converts only
    /// numbers and booleans), and would take an empty cell as false or 0; this reads them as a person wrote them.
    /// </summary>
    internal static class SettingText
    {
        /// <summary>What a boolean setting accepts, in messages.</summary>
        public const string BooleanForms = "true or false (also 1 or 0, yes or no)";

        /// <summary>What a channel limit accepts, in messages.</summary>
        public const string LimitForm = "a whole number, 0 or more";

        private static readonly char[] ListSeparators = { ';', ',', ' ', '\t' };

        /// <summary>true/false, yes/no, 1/0 (any case, trimmed), $true/$false, or a boolean or the number 1 or 0.</summary>
        public static SettingValue<bool> Boolean(object? value)
        {
            switch (value)
            {
                case null:
                    return SettingValue<bool>.NotGiven;
                case bool flag:
                    return SettingValue<bool>.Of(flag);
                case string text:
                    string trimmed = text.Trim();
                    if (trimmed.Length == 0) return SettingValue<bool>.NotGiven;
                    switch (trimmed.TrimStart('$').ToLowerInvariant())
                    {
                        case "true": case "yes": case "1": return SettingValue<bool>.Of(true);
                        case "false": case "no": case "0": return SettingValue<bool>.Of(false);
                    }
                    return SettingValue<bool>.Refused($"'{text}' is not {BooleanForms}");
                default:
                    if (WholeNumber(value) is long number && (number == 0 || number == 1)) return SettingValue<bool>.Of(number == 1);
                    return SettingValue<bool>.Refused($"'{Show(value)}' is not {BooleanForms}");
            }
        }

        /// <summary>A whole number from 0 (the API's largest is not documented: the server says, with a 422).</summary>
        public static SettingValue<int> ChannelLimit(object? value)
        {
            long? number;
            switch (value)
            {
                case null:
                    return SettingValue<int>.NotGiven;
                case string text:
                    string trimmed = text.Trim();
                    if (trimmed.Length == 0) return SettingValue<int>.NotGiven;
                    number = long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
                    break;
                case bool:
                    number = null;
                    break;
                default:
                    number = WholeNumber(value);
                    break;
            }
            if (number is long limit && limit >= 0 && limit <= int.MaxValue) return SettingValue<int>.Of((int)limit);
            return SettingValue<int>.Refused($"'{Show(value)}' is not {LimitForm}");
        }

        /// <summary>
        /// ISO 3166-1 alpha-2 codes, upper-case, from "US;GB", "US,GB", "US GB" or a list of them. An empty text is not
        /// given; an empty list (@() on the command line) is given, and empties the whitelist.
        /// </summary>
        public static SettingValue<IReadOnlyList<string>> Destinations(object? value)
        {
            var codes = new List<string>();
            switch (value)
            {
                case null:
                    return SettingValue<IReadOnlyList<string>>.NotGiven;
                case string text:
                    if (text.Trim().Length == 0) return SettingValue<IReadOnlyList<string>>.NotGiven;
                    codes.AddRange(Split(text));
                    break;
                case IEnumerable items:
                    foreach (object? item in items) codes.AddRange(Split(Show(item)));
                    break;
                default:
                    codes.AddRange(Split(Show(value)));
                    break;
            }
            var unique = new List<string>(codes.Count);
            foreach (string code in codes)
            {
                if (CountryCodes.Problem(code) is string problem) return SettingValue<IReadOnlyList<string>>.Refused(problem);
                string normalized = CountryCodes.Normalize(code);
                if (!unique.Contains(normalized)) unique.Add(normalized);
            }
            return SettingValue<IReadOnlyList<string>>.Of(unique);
        }

        private static IEnumerable<string> Split(string text) => text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);

        private static long? WholeNumber(object value)
        {
            try
            {
                switch (value)
                {
                    case byte or sbyte or short or ushort or int or uint or long:
                        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    case decimal or double or float:
                        decimal number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                        return decimal.Truncate(number) == number && number >= long.MinValue && number <= long.MaxValue ? (long)number : null;
                    default:
                        return null;
                }
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        private static string Show(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }
}
