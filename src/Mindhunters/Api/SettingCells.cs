using System;
using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>
    /// The channel settings a row gives (Import-Csv, a [pscustomobject]): its cells named as the settings, VoiceEnabled
    /// to InboundChannelLimit, each read by <see cref="SettingText"/>. A cell that is missing or empty is not given.
    /// </summary>
    internal static class SettingCells
    {
        /// <summary>The names a row's cells are read by: those of Set-MhPhoneNumber's parameters and a number's flat properties.</summary>
        public static readonly IReadOnlyList<string> Names = new[]
        {
            nameof(ChannelSettingsChange.VoiceEnabled), nameof(ChannelSettingsChange.VoiceChannelLimit), nameof(ChannelSettingsChange.VoiceWhitelistedDestinations),
            nameof(ChannelSettingsChange.SmsEnabled), nameof(ChannelSettingsChange.SmsChannelLimit), nameof(ChannelSettingsChange.SmsWhitelistedDestinations),
            nameof(ChannelSettingsChange.InboundEnabled), nameof(ChannelSettingsChange.InboundChannelLimit),
        };

        /// <summary>The row's settings; each cell that does not convert adds its problem ("VoiceChannelLimit 'x' is not …").</summary>
        /// <param name="cell">The row's value of that name, or null when it has none.</param>
        /// <param name="skip">Settings not to read (given on the command line, which wins for every row).</param>
        public static ChannelSettingsChange Read(Func<string, object?> cell, Func<string, bool> skip, ICollection<string> problems)
        {
            bool? Flag(string name) => Take(name, SettingText.Boolean) is { IsUsable: true } flag ? flag.Value : null;
            int? Limit(string name) => Take(name, SettingText.ChannelLimit) is { IsUsable: true } limit ? limit.Value : null;
            IReadOnlyList<string>? List(string name) => Take(name, SettingText.Destinations) is { IsUsable: true } list ? list.Value : null;

            SettingValue<T> Take<T>(string name, Func<object?, SettingValue<T>> read)
            {
                if (skip(name)) return SettingValue<T>.NotGiven;
                SettingValue<T> setting = read(cell(name));
                if (setting.Problem is not null) problems.Add(name + " " + setting.Problem);
                return setting;
            }

            return new ChannelSettingsChange
            {
                VoiceEnabled = Flag(nameof(ChannelSettingsChange.VoiceEnabled)),
                VoiceChannelLimit = Limit(nameof(ChannelSettingsChange.VoiceChannelLimit)),
                VoiceWhitelistedDestinations = List(nameof(ChannelSettingsChange.VoiceWhitelistedDestinations)),
                SmsEnabled = Flag(nameof(ChannelSettingsChange.SmsEnabled)),
                SmsChannelLimit = Limit(nameof(ChannelSettingsChange.SmsChannelLimit)),
                SmsWhitelistedDestinations = List(nameof(ChannelSettingsChange.SmsWhitelistedDestinations)),
                InboundEnabled = Flag(nameof(ChannelSettingsChange.InboundEnabled)),
                InboundChannelLimit = Limit(nameof(ChannelSettingsChange.InboundChannelLimit)),
            };
        }

        /// <summary>Every setting of <paramref name="given"/>, and those of <paramref name="row"/> that it does not set.</summary>
        public static ChannelSettingsChange Combine(ChannelSettingsChange given, ChannelSettingsChange row) => new ChannelSettingsChange
        {
            VoiceEnabled = given.VoiceEnabled ?? row.VoiceEnabled,
            VoiceChannelLimit = given.VoiceChannelLimit ?? row.VoiceChannelLimit,
            VoiceWhitelistedDestinations = given.VoiceWhitelistedDestinations ?? row.VoiceWhitelistedDestinations,
            SmsEnabled = given.SmsEnabled ?? row.SmsEnabled,
            SmsChannelLimit = given.SmsChannelLimit ?? row.SmsChannelLimit,
            SmsWhitelistedDestinations = given.SmsWhitelistedDestinations ?? row.SmsWhitelistedDestinations,
            InboundEnabled = given.InboundEnabled ?? row.InboundEnabled,
            InboundChannelLimit = given.InboundChannelLimit ?? row.InboundChannelLimit,
        };
    }
}
