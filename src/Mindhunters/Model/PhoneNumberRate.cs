using System.Linq;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>
    /// The price of calls to one destination prefix, as GET /api/v1/phone-numbers/rates lists it. The page gives
    /// only placeholders, so units are not known: Price is what the API says, per whatever it bills.
    /// </summary>
    public sealed class PhoneNumberRate
    {
        [JsonInclude, JsonPropertyName("country_code")]
        public string? CountryCode { get; internal set; }

        [JsonInclude, JsonPropertyName("country_name")]
        public string? CountryName { get; internal set; }

        [JsonInclude, JsonPropertyName("destination_prefix")]
        public string? DestinationPrefix { get; internal set; }

        [JsonInclude, JsonPropertyName("origination")]
        public string? Origination { get; internal set; }

        [JsonInclude, JsonPropertyName("description")]
        public string? Description { get; internal set; }

        // Nullable: a value the server leaves out or sends as text that is not a number must not fail the listing.
        [JsonInclude, JsonPropertyName("min_duration_seconds")]
        public int? MinDurationSeconds { get; internal set; }

        [JsonInclude, JsonPropertyName("billing_increment_seconds")]
        public int? BillingIncrementSeconds { get; internal set; }

        [JsonInclude, JsonPropertyName("price"), JsonConverter(typeof(LenientObjectConverter<RatePrice>))]
        public RatePrice? Price { get; internal set; }

        // Flat copies of Price, as a phone number has MonthlyFee and Currency: a decimal that Sort-Object and
        // Measure-Object compare as a number, and a currency column of its own in the table and in Export-Csv.

        /// <summary>Price.Amount: a number, in <see cref="PriceCurrency"/>.</summary>
        [JsonIgnore]
        public decimal? PriceAmount => Price?.Amount;

        /// <summary>Price.Currency, such as "EUR".</summary>
        [JsonIgnore]
        public string? PriceCurrency => Price?.Currency;

        /// <summary>"DE 4915 Germany - Mobile: 0.0868 EUR".</summary>
        public override string ToString()
        {
            string destination = string.Join(" ", new[] { CountryCode, DestinationPrefix, Description }.Where(NotEmpty));
            return Price is null ? destination : destination + ": " + Price;
        }

        private static bool NotEmpty(string? text) => !string.IsNullOrEmpty(text);
    }
}
