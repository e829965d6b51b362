using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>The filters of GET /api/v1/phone-numbers/rates; page and per_page are added per request.</summary>
    internal sealed class PhoneNumberRateQuery : IListQuery
    {
        public string? CountryCode { get; init; }

        /// <summary>
        /// Sent as its digits: the API's prefixes are digits ("4915"), so "+4915", as E.164 numbers are written, would
        /// match nothing.
        /// </summary>
        public string? Prefix { get; init; }

        public IEnumerable<KeyValuePair<string, string>> Filters()
        {
            if (!string.IsNullOrEmpty(CountryCode)) yield return new KeyValuePair<string, string>(QueryNames.CountryCode, CountryCodes.Normalize(CountryCode!));
            if (!string.IsNullOrEmpty(Prefix)) yield return new KeyValuePair<string, string>(QueryNames.Prefix, E164.Digits(Prefix!));
        }
    }
}
