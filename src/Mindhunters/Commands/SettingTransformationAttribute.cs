using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Lets a channel setting of Set-MhPhoneNumber take, as an argument, what a spreadsheet cell holds: "false", "1",
    /// " 12 ", "US;GB", the forms a piped row's cells are read in (SettingCells). It never fails: a value it cannot use
    /// becomes null, and the cmdlet then refuses the command with a message that says what the setting takes, where a
    /// parameter binding error would say that "false" cannot be converted to a Boolean. An empty text is null as well.
    /// </summary>
    internal sealed class SettingTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _type;

        /// <param name="type">The setting's type: typeof(bool), typeof(int) or typeof(string[]) (destination codes).</param>
        public SettingTransformationAttribute(Type type)
        {
            _type = type;
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = Unwrap(inputData);
            if (_type == typeof(bool)) return SettingText.Boolean(value) is { IsUsable: true } flag ? flag.Value : null;
            if (_type == typeof(int)) return SettingText.ChannelLimit(value) is { IsUsable: true } limit ? limit.Value : null;
            // The codes as given: the cmdlet reads them with SettingText.Destinations, whose message names a bad one.
            return value switch
            {
                null => null,
                string text => text.Trim().Length == 0 ? null : new[] { text },
                IEnumerable items => Texts(items),
                _ => new[] { Convert.ToString(value, CultureInfo.InvariantCulture) },
            };
        }

        /// <summary>What PowerShell wraps (a PSObject, an array of them), as the values they hold.</summary>
        internal static object? Unwrap(object? value) => value switch
        {
            PSObject wrapped when wrapped.BaseObject is not PSCustomObject => Unwrap(wrapped.BaseObject),
            object?[] items => Array.ConvertAll(items, Unwrap),
            _ => value,
        };

        private static string[] Texts(IEnumerable items)
        {
            var texts = new List<string>();
            foreach (object? item in items) texts.Add(Convert.ToString(Unwrap(item), CultureInfo.InvariantCulture) ?? "");
            return texts.ToArray();
        }
    }
}
