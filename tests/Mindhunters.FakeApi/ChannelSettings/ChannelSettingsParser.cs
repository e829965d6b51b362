using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Reads the body of PATCH /api/v1/phone-numbers/{uuid} as the page's curl sample shapes it. The page shows no
    /// rules, so these are the fake's (written in its README): booleans must be JSON booleans, channel_limit an integer
    /// from 0 to 1000, whitelisted_destinations an array of upper-case codes that the rate table covers, sms.enabled
    /// true only on a number that can send SMS. Keys the page does not show are ignored, as Laravel ignores them.
    /// The first problem found is reported (the documented 422 envelope names one field).
    /// </summary>
    internal static class ChannelSettingsParser
    {
        public const int MaxChannelLimit = 1000;

        public static ChannelSettingsPatch? Parse(JsonElement root, FakePhoneNumber number, out PatchError? error)
        {
            error = null;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("channel_settings", out JsonElement settings)
                || settings.ValueKind == JsonValueKind.Null)
            {
                error = new PatchError("channel_settings", "The channel settings field is required.");
                return null;
            }

            if (settings.ValueKind != JsonValueKind.Object)
            {
                error = new PatchError("channel_settings", "The channel settings field must be an object.");
                return null;
            }

            ChannelPatch? voice = Channel(settings, "voice", hasWhitelist: true, ref error);
            ChannelPatch? sms = error is null ? Channel(settings, "sms", hasWhitelist: true, ref error) : null;
            ChannelPatch? inbound = error is null ? Channel(settings, "inbound", hasWhitelist: false, ref error) : null;
            if (error is not null)
            {
                return null;
            }

            if (sms?.Enabled == true && !number.Capabilities.Sms)
            {
                error = new PatchError("channel_settings.sms.enabled", $"The number {number.Number} cannot send SMS, so SMS cannot be enabled.");
                return null;
            }

            return new ChannelSettingsPatch(voice, sms, inbound);
        }

        private static ChannelPatch? Channel(JsonElement settings, string name, bool hasWhitelist, ref PatchError? error)
        {
            if (!settings.TryGetProperty(name, out JsonElement channel))
            {
                return null;
            }

            string field = "channel_settings." + name;
            if (channel.ValueKind != JsonValueKind.Object)
            {
                error = new PatchError(field, $"The {field} field must be an object.");
                return null;
            }

            bool? enabled = null;
            if (channel.TryGetProperty("enabled", out JsonElement enabledValue))
            {
                if (enabledValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    error = new PatchError(field + ".enabled", $"The {field}.enabled field must be true or false.");
                    return null;
                }

                enabled = enabledValue.GetBoolean();
            }

            int? limit = null;
            if (channel.TryGetProperty("channel_limit", out JsonElement limitValue))
            {
                if (limitValue.ValueKind != JsonValueKind.Number || !limitValue.TryGetInt32(out int parsed))
                {
                    error = new PatchError(field + ".channel_limit", $"The {field}.channel_limit field must be an integer.");
                    return null;
                }

                if (parsed is < 0 or > MaxChannelLimit)
                {
                    error = new PatchError(field + ".channel_limit", string.Create(CultureInfo.InvariantCulture,
                        $"The {field}.channel_limit field must be between 0 and {MaxChannelLimit}."));
                    return null;
                }

                limit = parsed;
            }

            List<string>? whitelist = null;
            if (hasWhitelist && channel.TryGetProperty("whitelisted_destinations", out JsonElement listValue))
            {
                string listField = field + ".whitelisted_destinations";
                if (listValue.ValueKind != JsonValueKind.Array)
                {
                    error = new PatchError(listField, $"The {listField} field must be an array.");
                    return null;
                }

                whitelist = new List<string>();
                foreach (JsonElement item in listValue.EnumerateArray())
                {
                    string? code = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                    if (code is null || !FakeRates.Covers(code))
                    {
                        error = new PatchError(listField, $"The destination '{(code ?? item.GetRawText())}' is not a country calls can be made to.");
                        return null;
                    }

                    if (!whitelist.Contains(code))
                    {
                        whitelist.Add(code);
                    }
                }
            }

            return new ChannelPatch(enabled, limit, whitelist);
        }
    }
}
