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

        // Asked for every object piped (the arguments' change is the same for all of them): answered once.
        private bool? _isEmpty;

        public bool IsEmpty => _isEmpty ??= Changes(null).Count == 0;

        /// <summary>"api/v1/phone-numbers/{uuid}", relative to the connection's base URI.</summary>
        public static string PathOf(Guid phoneNumberUuid) => Endpoints.PhoneNumbers.Path + "/" + phoneNumberUuid.ToString("D");

        /// <summary>The PATCH of one number's channel settings.</summary>
        /// <param name="body">This change's <see cref="ToJson"/>, made once for all the numbers of a command.</param>
        /// <param name="shownAs">The number as messages name it: "+15550001 (3c90…)".</param>
        /// <param name="workspace">The subdomain, for the advice when the number does not exist.</param>
        /// <param name="answerShown">
        /// The answer is written to the pipeline (-PassThru). When it is not, it is read only for the checks, and the number
        /// the request gives back has only its uuid.
        /// </param>
        public static WriteRequest<PhoneNumber> Request(Guid phoneNumberUuid, byte[] body, string shownAs, string workspace, bool answerShown) =>
            new WriteRequest<PhoneNumber>(HttpMethods.Patch, PathOf(phoneNumberUuid), body,
                answerShown ? MindhuntersJsonContext.Default.PhoneNumberItemResponse : CheckedAnswers.PhoneNumberUuidOnly,
                ApiOperation.Write(() => "Updating phone number " + shownAs, "Set-MhPhoneNumber",
                    () => $"Check the PhoneNumberUuid: no phone number {phoneNumberUuid} exists in the workspace '{workspace}' (Get-MhPhoneNumber lists them).",
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
        /// <paramref name="current"/> shows the value now, "voice.channel_limit to 7" when it does not, and
        /// "sms.enabled stays False" for a value sent with the others that changes nothing.
        /// </summary>
        public IReadOnlyList<string> Changes(PhoneNumberChannelSettings? current)
        {
            var changes = new List<string>();
            foreach (Field field in Fields(current))
            {
                changes.Add(field.Now is null ? $"{field.Name} to {field.Wanted}"
                    : field.Same ? $"{field.Name} stays {field.Now}"
                    : $"{field.Name} from {field.Now} to {field.Wanted}");
            }
            return changes;
        }

        /// <summary>
        /// <paramref name="current"/> shows every value this change asks for already: sending it would change nothing. A
        /// value it does not show (a channel or a field the answer left out) counts as different.
        /// </summary>
        public bool IsSatisfiedBy(PhoneNumberChannelSettings? current)
        {
            IReadOnlyList<Field> fields = Fields(current);
            if (fields.Count == 0) return false;
            foreach (Field field in fields)
            {
                if (!field.Same) return false;
            }
            return true;
        }

        /// <summary>The given fields, each with its value wanted and its value now (null when not shown).</summary>
        private IReadOnlyList<Field> Fields(PhoneNumberChannelSettings? current)
        {
            var fields = new List<Field>();
            AddSwitch(fields, "voice.enabled", VoiceEnabled, current?.Voice);
            AddLimit(fields, "voice.channel_limit", VoiceChannelLimit, current?.Voice);
            AddList(fields, "voice.whitelisted_destinations", VoiceWhitelistedDestinations, current?.Voice);
            AddSwitch(fields, "sms.enabled", SmsEnabled, current?.Sms);
            AddLimit(fields, "sms.channel_limit", SmsChannelLimit, current?.Sms);
            AddList(fields, "sms.whitelisted_destinations", SmsWhitelistedDestinations, current?.Sms);
            AddSwitch(fields, "inbound.enabled", InboundEnabled, current?.Inbound);
            AddLimit(fields, "inbound.channel_limit", InboundChannelLimit, current?.Inbound);
            return fields;
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

        private static void AddSwitch(List<Field> fields, string name, bool? wanted, ChannelSetting? now)
        {
            if (wanted is not bool to) return;
            bool? shown = now is { EnabledShown: true } ? now.Enabled : null;
            fields.Add(new Field(name, to.ToString(), shown?.ToString(), shown == to));
        }

        private static void AddLimit(List<Field> fields, string name, int? wanted, ChannelSetting? now)
        {
            if (wanted is not int to) return;
            int? shown = now?.ChannelLimit;
            fields.Add(new Field(name, to.ToString(CultureInfo.InvariantCulture), shown?.ToString(CultureInfo.InvariantCulture), shown == to));
        }

        private static void AddList(List<Field> fields, string name, IReadOnlyList<string>? wanted, ChannelSetting? now)
        {
            if (wanted is null) return;
            string[]? shown = now is { WhitelistShown: true } ? now.WhitelistedDestinations : null;
            // The same codes in the same order: another order is sent (the API may keep the order it is given).
            fields.Add(new Field(name, List(wanted), shown is null ? null : List(shown), shown is not null && shown.SequenceEqual(wanted, StringComparer.Ordinal)));
        }

        private static string List(IEnumerable<string> codes) => "[" + string.Join(", ", codes.ToArray()) + "]";

        /// <summary>One field of the change: its name, the value wanted and the value now as text, and whether they are equal.</summary>
        private readonly struct Field
        {
            public Field(string name, string wanted, string? now, bool same)
            {
                Name = name;
                Wanted = wanted;
                Now = now;
                Same = same;
            }

            public string Name { get; }
            public string Wanted { get; }
            public string? Now { get; }
            public bool Same { get; }
        }
    }
}
