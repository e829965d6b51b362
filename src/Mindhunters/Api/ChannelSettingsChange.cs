using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Mindhunters.Api.Json;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>
    /// The channel settings one PATCH /api/v1/phone-numbers/{uuid} changes: null means not given, and a setting that
    /// was not given is left out of the body. The page does not say what the API does with omitted fields, so
    /// sending only what the user asked for is the one choice that cannot touch anything else.
    /// </summary>
    internal sealed class ChannelSettingsChange
    {
        public bool? VoiceEnabled { get; init; }
        public int? VoiceChannelLimit { get; init; }
        public IReadOnlyList<string>? VoiceWhitelistedDestinations { get; init; }
        public bool? SmsEnabled { get; init; }
        public int? SmsChannelLimit { get; init; }
        public IReadOnlyList<string>? SmsWhitelistedDestinations { get; init; }
        public bool? InboundEnabled { get; init; }
        public int? InboundChannelLimit { get; init; }

        public bool IsEmpty => Changes(null).Count == 0;

        /// <summary>"api/v1/phone-numbers/{uuid}", relative to the connection's base URI.</summary>
        public static string PathOf(Guid phoneNumberUuid) => Endpoints.PhoneNumbers.Path + "/" + phoneNumberUuid.ToString("D");

        /// <summary>The PATCH of one number's channel settings.</summary>
        /// <param name="body">This change's <see cref="ToJson"/>, made once for all the numbers of a command.</param>
        /// <param name="shownAs">The number as messages name it: "+15550001 (3c90…)".</param>
        /// <param name="workspace">The subdomain, for the advice when the number does not exist.</param>
        public static WriteRequest<PhoneNumber> Request(Guid phoneNumberUuid, byte[] body, string shownAs, string workspace) =>
            new WriteRequest<PhoneNumber>(HttpMethods.Patch, PathOf(phoneNumberUuid), body, MindhuntersJsonContext.Default.PhoneNumberItemResponse,
                ApiOperation.Write("Updating phone number " + shownAs, "Set-MhPhoneNumber",
                    $"Check the PhoneNumberUuid: no phone number {phoneNumberUuid} exists in the workspace '{workspace}' (Get-MhPhoneNumber lists them).",
                    ParameterOf))
            {
                About = phoneNumberUuid,
                IdOf = number => number.PhoneNumberUuid,
            };

        /// <summary>"-VoiceChannelLimit" for the field "channel_settings.voice.channel_limit" of a refusal; null for another field.</summary>
        public static string? ParameterOf(string field)
        {
            string[] parts = field.Split('.');
            if (parts.Length != 3 || parts[0] != "channel_settings") return null;
            string name = Pascal(parts[1]) + Pascal(parts[2]);
            return SettingCells.Names.Contains(name) ? "-" + name : null;
        }

        private static string Pascal(string snake) =>
            string.Concat(snake.Split('_').Select(word => word.Length == 0 ? "" : char.ToUpperInvariant(word[0]) + word.Substring(1)));

        /// <summary>{"channel_settings":{"voice":{"channel_limit":7},"sms":{"enabled":false}}}: only the given fields.</summary>
        public byte[] ToJson()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("channel_settings");
                WriteChannel(writer, "voice", VoiceEnabled, VoiceChannelLimit, VoiceWhitelistedDestinations);
                WriteChannel(writer, "sms", SmsEnabled, SmsChannelLimit, SmsWhitelistedDestinations);
                WriteChannel(writer, "inbound", InboundEnabled, InboundChannelLimit, null);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            return stream.ToArray();
        }

        /// <summary>
        /// Each change in words, for -WhatIf and -Confirm: "voice.channel_limit from 3 to 7" when
        /// <paramref name="current"/> shows the value now, "voice.channel_limit to 7" when it does not.
        /// </summary>
        public IReadOnlyList<string> Changes(PhoneNumberChannelSettings? current)
        {
            var changes = new List<string>();
            Add(changes, "voice.enabled", VoiceEnabled, current?.Voice?.Enabled);
            Add(changes, "voice.channel_limit", VoiceChannelLimit, current?.Voice?.ChannelLimit);
            Add(changes, "voice.whitelisted_destinations", VoiceWhitelistedDestinations, current?.Voice?.WhitelistedDestinations);
            Add(changes, "sms.enabled", SmsEnabled, current?.Sms?.Enabled);
            Add(changes, "sms.channel_limit", SmsChannelLimit, current?.Sms?.ChannelLimit);
            Add(changes, "sms.whitelisted_destinations", SmsWhitelistedDestinations, current?.Sms?.WhitelistedDestinations);
            Add(changes, "inbound.enabled", InboundEnabled, current?.Inbound?.Enabled);
            Add(changes, "inbound.channel_limit", InboundChannelLimit, current?.Inbound?.ChannelLimit);
            return changes;
        }

        private static void WriteChannel(Utf8JsonWriter writer, string name, bool? enabled, int? limit, IReadOnlyList<string>? destinations)
        {
            if (enabled is null && limit is null && destinations is null) return;
            writer.WriteStartObject(name);
            if (enabled is bool on) writer.WriteBoolean("enabled", on);
            if (limit is int value) writer.WriteNumber("channel_limit", value);
            if (destinations is not null)
            {
                writer.WriteStartArray("whitelisted_destinations");
                foreach (string code in destinations) writer.WriteStringValue(code);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }

        private static void Add(List<string> changes, string field, bool? wanted, bool? now)
        {
            if (wanted is bool to) changes.Add(Describe(field, now?.ToString(), to.ToString()));
        }

        private static void Add(List<string> changes, string field, int? wanted, int? now)
        {
            if (wanted is int to) changes.Add(Describe(field, now?.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture)));
        }

        private static void Add(List<string> changes, string field, IReadOnlyList<string>? wanted, string[]? now)
        {
            if (wanted is not null) changes.Add(Describe(field, now is null ? null : List(now), List(wanted)));
        }

        private static string List(IEnumerable<string> codes) => "[" + string.Join(", ", codes.ToArray()) + "]";

        private static string Describe(string field, string? from, string to) => from is null ? $"{field} to {to}" : $"{field} from {from} to {to}";
    }
}
