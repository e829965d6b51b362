using System;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    /// <summary>One phone number of the workspace, as GET /api/v1/phone-numbers lists it.</summary>
    public sealed class PhoneNumber
    {
        [JsonInclude, JsonPropertyName("phone_number_uuid")]
        public Guid PhoneNumberUuid { get; internal set; }

        [JsonInclude, JsonPropertyName("number")]
        public string? Number { get; internal set; }

        [JsonInclude, JsonPropertyName("country_code")]
        public string? CountryCode { get; internal set; }

        // "Sassari, Sardegna": on newer answers only (the trunks page shows it; the list page does not yet).
        [JsonInclude, JsonPropertyName("location")]
        public string? Location { get; internal set; }

        // Kept as strings, not enums: a value the API adds tomorrow must not break today's listing.
        [JsonInclude, JsonPropertyName("type")]
        public string? Type { get; internal set; }

        [JsonInclude, JsonPropertyName("is_external")]
        public bool IsExternal { get; internal set; }

        // "purchased" or "external" (a number brought in on an external SIP trunk); newer answers only, no set documented.
        [JsonInclude, JsonPropertyName("source")]
        public string? Source { get; internal set; }

        [JsonInclude, JsonPropertyName("status")]
        public string? Status { get; internal set; }

        // The nested parts each read as words in ToString, so Format-List and Export-Csv show meaning, not a type name.
        [JsonInclude, JsonPropertyName("compliance"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberCompliance>))]
        public PhoneNumberCompliance? Compliance { get; internal set; }

        [JsonInclude, JsonPropertyName("capabilities"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberCapabilities>))]
        public PhoneNumberCapabilities? Capabilities { get; internal set; }

        [JsonInclude, JsonPropertyName("channel_settings"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberChannelSettings>))]
        public PhoneNumberChannelSettings? ChannelSettings { get; internal set; }

        [JsonInclude, JsonPropertyName("billing"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberBilling>))]
        public PhoneNumberBilling? Billing { get; internal set; }

        [JsonInclude, JsonPropertyName("bindings"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberBindings>))]
        public PhoneNumberBindings? Bindings { get; internal set; }

        [JsonInclude, JsonPropertyName("purchased_at")]
        public DateTimeOffset? PurchasedAt { get; internal set; }

        [JsonInclude, JsonPropertyName("updated_at")]
        public DateTimeOffset? UpdatedAt { get; internal set; }

        // Flat copies of the nested values people sort, filter, group and export on. The default table shows
        // these by name, so that what a column is called is what Sort-Object and Where-Object accept, and
        // Export-Csv writes a fee column a spreadsheet can sum. The nested parts stay as they are.

        /// <summary>Billing.MonthlyFee: a number, in <see cref="Currency"/>.</summary>
        [JsonIgnore]
        public decimal? MonthlyFee => Billing?.MonthlyFee;

        /// <summary>Billing.Currency, such as "EUR".</summary>
        [JsonIgnore]
        public string? Currency => Billing?.Currency;

        /// <summary>The name of the agent that answers and makes calls on this number; null when none is bound for calls.</summary>
        [JsonIgnore]
        public string? CallAgentName => Bindings?.Call is { Bound: true } call ? call.AgentName : null;

        /// <summary>That agent's uuid, as the API gives it (a string: a value that is not a uuid must still list).</summary>
        [JsonIgnore]
        public string? CallAgentUuid => Bindings?.Call is { Bound: true } call ? call.AgentUuid : null;

        public override string ToString() => Number ?? PhoneNumberUuid.ToString();
    }
}
