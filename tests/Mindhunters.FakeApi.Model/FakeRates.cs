using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The fixed rate table: 40 countries, each with a landline, a mobile and a toll-free destination (the US without a
    /// separate mobile one), each priced for calls originating in the EU and in the US: 238 rows, sorted by country
    /// code, prefix, origination, so at per_page 200 the whole table is two pages.
    /// Prefixes are digits without '+' ("49", "4915"); the prefix filter is "starts with" on them.
    /// </summary>
    public static class FakeRates
    {
        /// <summary>The currency of every price.</summary>
        public const string Currency = "EUR";

        // code, English name, calling code, mobile prefix digits, toll-free prefix digits
        private static readonly (string Code, string Name, string Calling, string Mobile, string TollFree)[] Countries =
        {
            ("AT", "Austria", "43", "66", "800"), ("AU", "Australia", "61", "4", "1800"), ("BE", "Belgium", "32", "47", "800"),
            ("BG", "Bulgaria", "359", "88", "800"), ("BR", "Brazil", "55", "119", "800"), ("CA", "Canada", "1", "416", "800"),
            ("CH", "Switzerland", "41", "79", "800"), ("CY", "Cyprus", "357", "99", "800"), ("CZ", "Czechia", "420", "60", "800"),
            ("DE", "Germany", "49", "15", "800"), ("DK", "Denmark", "45", "2", "80"), ("EE", "Estonia", "372", "5", "800"),
            ("ES", "Spain", "34", "6", "900"), ("FI", "Finland", "358", "4", "800"), ("FR", "France", "33", "6", "80"),
            ("GB", "United Kingdom", "44", "7", "800"), ("GR", "Greece", "30", "69", "800"), ("HR", "Croatia", "385", "9", "800"),
            ("HU", "Hungary", "36", "30", "80"), ("IE", "Ireland", "353", "8", "1800"), ("IL", "Israel", "972", "5", "1800"),
            ("IN", "India", "91", "9", "1800"), ("IT", "Italy", "39", "3", "800"), ("JP", "Japan", "81", "90", "120"),
            ("LT", "Lithuania", "370", "6", "800"), ("LU", "Luxembourg", "352", "6", "800"), ("LV", "Latvia", "371", "2", "800"),
            ("MT", "Malta", "356", "79", "800"), ("MX", "Mexico", "52", "1", "800"), ("NL", "Netherlands", "31", "6", "800"),
            ("NO", "Norway", "47", "4", "800"), ("NZ", "New Zealand", "64", "2", "800"), ("PL", "Poland", "48", "5", "800"),
            ("PT", "Portugal", "351", "9", "800"), ("RO", "Romania", "40", "7", "800"), ("SE", "Sweden", "46", "7", "20"),
            ("SI", "Slovenia", "386", "4", "80"), ("SK", "Slovakia", "421", "9", "800"), ("TR", "Turkey", "90", "5", "800"),
            ("US", "United States", "1", "", "800"),
        };

        private static readonly string[] Originations = { "EU", "US" };

        /// <summary>Every row, in the order the endpoint lists them.</summary>
        public static IReadOnlyList<FakeRate> All { get; } = Build();

        private static readonly HashSet<string> Codes = BuildCodes();

        /// <summary>True for a country code the rate table covers: the only destinations PATCH accepts in a whitelist.</summary>
        public static bool Covers(string countryCode) => Codes.Contains(countryCode);

        /// <summary>The rows that match country_code (exact, upper case) and prefix (starts with), in table order.</summary>
        public static IReadOnlyList<FakeRate> Select(string? countryCode, string? prefix)
        {
            var rows = new List<FakeRate>();
            foreach (FakeRate rate in All)
            {
                if (countryCode is not null && !string.Equals(rate.CountryCode, countryCode, StringComparison.Ordinal))
                {
                    continue;
                }

                if (prefix is not null && !rate.DestinationPrefix.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                rows.Add(rate);
            }

            return rows;
        }

        private static List<FakeRate> Build()
        {
            var rows = new List<FakeRate>(Countries.Length * 6);
            for (int c = 0; c < Countries.Length; c++)
            {
                var country = Countries[c];
                // Cents per minute, in ten-thousandths: landline 0.0100 + 0.0013 per table position, mobile and toll-free dearer.
                decimal basis = 0.0100m + (c * 13 / 10000m);
                var destinations = new (string Prefix, string Kind, decimal Price, int MinDuration, int Increment)[]
                {
                    (country.Calling, "Landline", basis, 0, 60),
                    (country.Calling + country.Mobile, "Mobile", basis * 4, 0, 1),
                    (country.Calling + country.TollFree, "Toll-free", basis * 10, 60, 60),
                };
                // US mobile numbers share the landline prefix: one "Mobile" row with the same prefix would be a duplicate.
                foreach (var destination in destinations)
                {
                    if (destination.Kind == "Mobile" && country.Mobile.Length == 0)
                    {
                        continue;
                    }

                    foreach (string origination in Originations)
                    {
                        decimal amount = decimal.Round(origination == "US" ? destination.Price + 0.0020m : destination.Price, 4);
                        rows.Add(new FakeRate(
                            country.Code, country.Name, destination.Prefix, origination,
                            FormattableString.Invariant($"{country.Name} - {destination.Kind}"),
                            destination.MinDuration, destination.Increment, amount, Currency));
                    }
                }
            }

            rows.Sort(static (a, b) =>
            {
                int byCountry = string.CompareOrdinal(a.CountryCode, b.CountryCode);
                if (byCountry != 0) return byCountry;
                int byPrefix = string.CompareOrdinal(a.DestinationPrefix, b.DestinationPrefix);
                return byPrefix != 0 ? byPrefix : string.CompareOrdinal(a.Origination, b.Origination);
            });
            return rows;
        }

        private static HashSet<string> BuildCodes()
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var country in Countries)
            {
                codes.Add(country.Code);
            }

            return codes;
        }
    }
}
