using System;
using System.Text.Json;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The "channels" payload that POST, PATCH and PUT …/trunks/assign answer with: {phone_number_uuid, number, is_external,
    /// source, channels: {call, sms, whatsapp, inbound}} (shared/api/phone-number-lifecycle.md §2).
    /// </summary>
    internal static class ChannelsJson
    {
        public static void Write(Utf8JsonWriter w, FakePhoneNumber p, string source)
        {
            w.WriteStartObject();
            w.WriteString("phone_number_uuid"u8, p.PhoneNumberUuid);
            w.WriteString("number"u8, p.Number);
            w.WriteBoolean("is_external"u8, p.IsExternal);
            w.WriteString("source"u8, source);
            w.WritePropertyName("channels"u8);
            w.WriteStartObject();
            WriteChannel(w, "call"u8, p.Capabilities.Voice, p.VoiceChannel, p.CallBinding);
            WriteChannel(w, "sms"u8, p.Capabilities.Sms, p.SmsChannel, p.SmsBinding);
            w.WritePropertyName("whatsapp"u8);
            w.WriteStartObject();
            WriteBinding(w, p.WhatsappBinding);
            w.WriteEndObject();
            w.WritePropertyName("inbound"u8);
            w.WriteStartObject();
            w.WriteBoolean("enabled"u8, p.Inbound.Enabled);
            w.WriteNumber("channel_limit"u8, p.Inbound.ChannelLimit);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void WriteChannel(Utf8JsonWriter w, ReadOnlySpan<byte> name, bool capable, FakeChannel channel, FakeBinding binding)
        {
            w.WritePropertyName(name);
            w.WriteStartObject();
            w.WriteBoolean("capable"u8, capable);
            w.WriteBoolean("enabled"u8, channel.Enabled);
            w.WriteNumber("channel_limit"u8, channel.ChannelLimit);
            w.WritePropertyName("whitelisted_destinations"u8);
            w.WriteStartArray();
            foreach (string destination in channel.WhitelistedDestinations)
            {
                w.WriteStringValue(destination);
            }

            w.WriteEndArray();
            WriteBinding(w, binding);
            w.WriteEndObject();
        }

        private static void WriteBinding(Utf8JsonWriter w, FakeBinding binding)
        {
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
        }
    }
}
