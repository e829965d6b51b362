using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// PowerShell values (hashtables, PSCustomObjects, arrays, numbers, strings) as the plain values <see cref="PlainJson"/>
    /// writes: what -AdditionalSetting, -Address, -Requirement and -Body hold, turned into JSON the way ConvertTo-Json
    /// would, before any request. A secret (SecureString, PSCredential) is refused: it would be sent and shown as text.
    /// </summary>
    internal static class PlainValues
    {
        public static object? From(object? value, string parameter, int depth = 0)
        {
            if (depth > PlainJson.MaxDepth) throw new ArgumentException($"-{parameter} nests deeper than {PlainJson.MaxDepth} levels (or refers to itself), which no request body needs.");
            if (value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject) value = wrapped.BaseObject;
            switch (value)
            {
                case null:
                    return null;
                case string or bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or Guid or DateTime or DateTimeOffset:
                    return value;
                case Enum:
                    return value.ToString();
                case SecureString or PSCredential:
                    throw new ArgumentException($"-{parameter} holds a {value.GetType().Name}, which would be sent and shown as text: give secrets only where a parameter asks for one (such as -SipCredential).");
                case IDictionary map:
                    var fromMap = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in map) fromMap[entry.Key?.ToString() ?? ""] = From(entry.Value, parameter, depth + 1);
                    return fromMap;
                case PSObject custom:
                    var fromObject = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (PSPropertyInfo property in custom.Properties) fromObject[property.Name] = From(property.Value, parameter, depth + 1);
                    return fromObject;
                case IEnumerable list:
                    var items = new List<object?>();
                    foreach (object? item in list) items.Add(From(item, parameter, depth + 1));
                    return items;
                default:
                    // Another .NET object: its properties, as ConvertTo-Json writes them.
                    var fromProperties = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (PSPropertyInfo property in PSObject.AsPSObject(value).Properties)
                    {
                        if (property.IsGettable) fromProperties[property.Name] = From(property.Value, parameter, depth + 1);
                    }
                    return fromProperties;
            }
        }

        /// <summary>A hashtable as a dictionary of plain values; null when <paramref name="table"/> is null.</summary>
        public static IReadOnlyDictionary<string, object?>? FromTable(IDictionary? table, string parameter) =>
            table is null ? null : (IReadOnlyDictionary<string, object?>)From(table, parameter)!;
    }
}
