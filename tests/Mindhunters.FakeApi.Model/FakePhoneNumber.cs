using System;
using System.Collections.Generic;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// One phone number of the fake data set, computed from its 1-based index (see <see cref="FakeData.Item"/>).
    /// Property names are the PascalCase forms of the JSON names; the JSON is written by the server in snake_case.
    /// </summary>
    public sealed class FakePhoneNumber
    {
        internal FakePhoneNumber(
            int index, Guid phoneNumberUuid, string number, string countryCode, string countryName, string type,
            bool isExternal, string status, string complianceStatus, IReadOnlyList<FakeRequirement> requirements,
            FakeCapabilities capabilities, FakeChannel voice, FakeChannel sms, FakeInbound inbound,
            decimal monthlyFee, string currency, FakeBinding call, FakeBinding smsBinding, FakeBinding whatsapp,
            DateTimeOffset purchasedAt, DateTimeOffset updatedAt, string label)
        {
            Index = index;
            PhoneNumberUuid = phoneNumberUuid;
            Number = number;
            CountryCode = countryCode;
            CountryName = countryName;
            Type = type;
            IsExternal = isExternal;
            Status = status;
            ComplianceStatus = complianceStatus;
            Requirements = requirements;
            Capabilities = capabilities;
            VoiceChannel = voice;
            SmsChannel = sms;
            Inbound = inbound;
            MonthlyFee = monthlyFee;
            Currency = currency;
            CallBinding = call;
            SmsBinding = smsBinding;
            WhatsappBinding = whatsapp;
            PurchasedAt = purchasedAt;
            UpdatedAt = updatedAt;
            Label = label;
        }

        /// <summary>The 1-based index the item was generated from (not in the JSON).</summary>
        public int Index { get; }

        /// <summary>phone_number_uuid.</summary>
        public Guid PhoneNumberUuid { get; }

        /// <summary>number, E.164 ("+12085000017"); unique per index.</summary>
        public string Number { get; }

        /// <summary>country_code, upper case ("US").</summary>
        public string CountryCode { get; }

        /// <summary>English country name (not in the JSON; the free-text search matches it).</summary>
        public string CountryName { get; }

        /// <summary>type: local, toll_free, mobile or national.</summary>
        public string Type { get; }

        /// <summary>is_external: about every 10th number; hidden unless include_external is 1/true.</summary>
        public bool IsExternal { get; }

        /// <summary>status: active, pending or inactive.</summary>
        public string Status { get; }

        /// <summary>compliance.status: completed or requirement_pending.</summary>
        public string ComplianceStatus { get; }

        /// <summary>compliance.requirements: empty when completed.</summary>
        public IReadOnlyList<FakeRequirement> Requirements { get; }

        /// <summary>capabilities.</summary>
        public FakeCapabilities Capabilities { get; }

        /// <summary>channel_settings.voice.</summary>
        public FakeChannel VoiceChannel { get; }

        /// <summary>channel_settings.sms.</summary>
        public FakeChannel SmsChannel { get; }

        /// <summary>channel_settings.inbound.</summary>
        public FakeInbound Inbound { get; }

        /// <summary>billing.monthly_fee, always with two decimals (scale 2).</summary>
        public decimal MonthlyFee { get; }

        /// <summary>billing.currency: USD or EUR.</summary>
        public string Currency { get; }

        /// <summary>bindings.call.</summary>
        public FakeBinding CallBinding { get; }

        /// <summary>bindings.sms.</summary>
        public FakeBinding SmsBinding { get; }

        /// <summary>bindings.whatsapp.</summary>
        public FakeBinding WhatsappBinding { get; }

        /// <summary>purchased_at (UTC, whole seconds); strictly increasing with the index.</summary>
        public DateTimeOffset PurchasedAt { get; }

        /// <summary>updated_at (UTC, whole seconds).</summary>
        public DateTimeOffset UpdatedAt { get; }

        /// <summary>label: a field the seed page does not list ("Line 17"); the client must ignore it.</summary>
        public string Label { get; }

        /// <summary>This number with other channel settings (what PATCH /api/v1/phone-numbers/{uuid} changed).</summary>
        public FakePhoneNumber WithChannels(FakeChannel voice, FakeChannel sms, FakeInbound inbound) =>
            new(Index, PhoneNumberUuid, Number, CountryCode, CountryName, Type, IsExternal, Status, ComplianceStatus, Requirements,
                Capabilities, voice, sms, inbound, MonthlyFee, Currency, CallBinding, SmsBinding, WhatsappBinding, PurchasedAt, UpdatedAt, Label);

        /// <summary>This number with other agent bindings (what a channel assignment or a trunk changed).</summary>
        public FakePhoneNumber WithBindings(FakeBinding call, FakeBinding sms, FakeBinding whatsapp) =>
            new(Index, PhoneNumberUuid, Number, CountryCode, CountryName, Type, IsExternal, Status, ComplianceStatus, Requirements,
                Capabilities, VoiceChannel, SmsChannel, Inbound, MonthlyFee, Currency, call, sms, whatsapp, PurchasedAt, UpdatedAt, Label);

        /// <summary>True when the number is bound to <paramref name="agentUuid"/> on any channel.</summary>
        public bool IsBoundTo(Guid agentUuid) =>
            CallBinding.AgentUuid == agentUuid || SmsBinding.AgentUuid == agentUuid || WhatsappBinding.AgentUuid == agentUuid;
    }
}
