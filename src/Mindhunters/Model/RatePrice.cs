using System.Globalization;
using System.Text.Json.Serialization;

namespace Mindhunters.Model
{
    /// <summary>price of a rate: {amount, currency}.</summary>
    public sealed class RatePrice
    {
        [JsonInclude, JsonPropertyName("amount")]
        public decimal? Amount { get; internal set; }

        [JsonInclude, JsonPropertyName("currency")]
        public string? Currency { get; internal set; }

        /// <summary>"0.0120 EUR": at least four decimals (call rates are fractions of a cent), invariant digits.</summary>
        public override string ToString()
        {
            string amount = Amount?.ToString("0.0000##", CultureInfo.InvariantCulture) ?? "?";
            return string.IsNullOrEmpty(Currency) ? amount : amount + " " + Currency;
        }
    }
}
