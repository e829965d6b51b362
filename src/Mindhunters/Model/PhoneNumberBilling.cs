using System.Globalization;
using System.Text.Json.Serialization;

namespace Mindhunters.Model
{
    public sealed class PhoneNumberBilling
    {
        [JsonInclude, JsonPropertyName("monthly_fee")]
        public decimal? MonthlyFee { get; internal set; }

        [JsonInclude, JsonPropertyName("currency")]
        public string? Currency { get; internal set; }

        /// <summary>"4.99 EUR": invariant digits, so the text means the same in every culture and in CSV.</summary>
        public override string ToString()
        {
            string fee = MonthlyFee?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "?";
            return string.IsNullOrEmpty(Currency) ? fee : fee + " " + Currency;
        }
    }
}
