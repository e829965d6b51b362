using System;
using System.Globalization;
using System.Text.Json;

namespace Mindhunters.FakeApi
{
    /// <summary>One phone number as the API writes it: an item of GET /api/v1/phone-numbers and the data of its PATCH.</summary>
    internal static class PhoneNumberJson
    {
        /// <param name="location">location and source, which the newer answers (trunks, a purchase) carry and the list does not.</param>
        public static void Write(Utf8JsonWriter w, FakePhoneNumber p, string? location = null, string? source = null)
        {
            w.WriteStartObject();
            w.WriteString("phone_number_uuid"u8, p.PhoneNumberUuid);
            w.WriteString("number"u8, p.Number);
            w.WriteString("country_code"u8, p.CountryCode);
            if (location is not null)
            {
                w.WriteString("location"u8, location);
            }

            w.WriteString("type"u8, p.Type);
            w.WriteBoolean("is_external"u8, p.IsExternal);
            if (source is not null)
            {
                w.WriteString("source"u8, source);
            }

            w.WriteString("status"u8, p.Status);

            w.WritePropertyName("compliance"u8);
            w.WriteStartObject();
            w.WriteString("status"u8, p.ComplianceStatus);
            w.WritePropertyName("requirements"u8);
            w.WriteStartArray();
            foreach (FakeRequirement requirement in p.Requirements)
            {
                w.WriteStartObject();
                w.WriteString("type"u8, requirement.Type);
                w.WriteString("description"u8, requirement.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            FakeCapabilities c = p.Capabilities;
            w.WritePropertyName("capabilities"u8);
            w.WriteStartObject();
            w.WriteBoolean("voice"u8, c.Voice);
            w.WriteBoolean("sms"u8, c.Sms);
            w.WriteBoolean("mms"u8, c.Mms);
            w.WriteBoolean("fax"u8, c.Fax);
            w.WriteBoolean("emergency"u8, c.Emergency);
            w.WriteBoolean("local_calling"u8, c.LocalCalling);
            w.WriteBoolean("rcs"u8, false); // not on the seed page: the client must tolerate it
            w.WriteEndObject();

            w.WritePropertyName("channel_settings"u8);
            w.WriteStartObject();
            WriteChannel(w, "voice"u8, p.VoiceChannel);
            WriteChannel(w, "sms"u8, p.SmsChannel);
            w.WritePropertyName("inbound"u8);
            w.WriteStartObject();
            w.WriteBoolean("enabled"u8, p.Inbound.Enabled);
            w.WriteNumber("channel_limit"u8, p.Inbound.ChannelLimit);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WritePropertyName("billing"u8);
            w.WriteStartObject();
            w.WriteNumber("monthly_fee"u8, p.MonthlyFee);
            w.WriteString("currency"u8, p.Currency);
            w.WriteEndObject();

            w.WritePropertyName("bindings"u8);
            w.WriteStartObject();
            WriteBinding(w, "call"u8, p.CallBinding);
            WriteBinding(w, "sms"u8, p.SmsBinding);
            WriteBinding(w, "whatsapp"u8, p.WhatsappBinding);
            w.WriteEndObject();

            w.WriteString("purchased_at"u8, FormatTimestamp(p.PurchasedAt));
            w.WriteString("updated_at"u8, FormatTimestamp(p.UpdatedAt));
            w.WriteString("label"u8, p.Label); // not on the seed page: the client must tolerate it
            w.WriteEndObject();
        }

        /// <summary>"2023-11-07T05:31:56Z"</summary>
        public static string FormatTimestamp(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

        private static void WriteChannel(Utf8JsonWriter w, ReadOnlySpan<byte> name, FakeChannel channel)
        {
            w.WritePropertyName(name);
            w.WriteStartObject();
            w.WriteBoolean("enabled"u8, channel.Enabled);
            w.WriteNumber("channel_limit"u8, channel.ChannelLimit);
            w.WritePropertyName("whitelisted_destinations"u8);
            w.WriteStartArray();
            foreach (string destination in channel.WhitelistedDestinations)
            {
                w.WriteStringValue(destination);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WriteBinding(Utf8JsonWriter w, ReadOnlySpan<byte> name, FakeBinding binding)
        {
            w.WritePropertyName(name);
            w.WriteStartObject();
            w.WriteBoolean("bound"u8, binding.Bound);
            if (binding.AgentUuid is Guid agent)
            {
                w.WriteString("agent_uuid"u8, agent);
            }
            else
            {
                w.WriteNull("agent_uuid"u8);
            }

            if (binding.AgentName is null)
            {
                w.WriteNull("agent_name"u8);
            }
            else
            {
                w.WriteString("agent_name"u8, binding.AgentName);
            }

            w.WriteEndObject();
        }
    }
}
