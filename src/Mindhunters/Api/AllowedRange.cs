using System.Globalization;
using System.Text.RegularExpressions;

namespace Mindhunters.Api
{
    /// <summary>
    /// The range of values a refused field allows, when the API's text says it: "must be between 0 and 1000", "must be
    /// at least 1", "may not be greater than 100", "min: 0, max: 50". The errors page shows error.details only as a
    /// string, so this reads whole numbers in those few phrasings and nothing else: no range is better than a wrong one.
    /// </summary>
    internal static class AllowedRange
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private static readonly Regex Between = new Regex(@"\bbetween\s+(-?\d{1,9})\s+and\s+(-?\d{1,9})\b", Options);
        private static readonly Regex AtLeast = new Regex(@"\b(?:at\s+least|not\s+be\s+less\s+than|min(?:imum)?(?:\s+is|\s+of)?\s*[:=]?)\s*(-?\d{1,9})\b", Options);
        private static readonly Regex AtMost = new Regex(@"\b(?:at\s+most|not\s+be\s+greater\s+than|no\s+greater\s+than|max(?:imum)?(?:\s+is|\s+of)?\s*[:=]?)\s*(-?\d{1,9})\b", Options);

        /// <summary>"from 0 to 1000", "1 or more", "at most 100"; null when <paramref name="text"/> gives no range.</summary>
        public static string? Of(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            Match between = Between.Match(text);
            if (between.Success) return $"from {Number(between.Groups[1])} to {Number(between.Groups[2])}";
            Match min = AtLeast.Match(text);
            Match max = AtMost.Match(text);
            if (min.Success && max.Success) return $"from {Number(min.Groups[1])} to {Number(max.Groups[1])}";
            if (min.Success) return $"{Number(min.Groups[1])} or more";
            if (max.Success) return $"at most {Number(max.Groups[1])}";
            return null;
        }

        private static string Number(Group digits) => int.Parse(digits.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }
}
