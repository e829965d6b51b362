using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// Writes plain values as JSON: null, strings, booleans, numbers, dictionaries with string keys (objects) and other
    /// sequences (arrays), as the cmdlets make them from hashtables and PowerShell objects (-AdditionalSetting, -Address,
    /// -Body). Anything else is written as its text. Nesting deeper than <see cref="MaxDepth"/> is refused: a value that
    /// refers to itself must end in an error, not a stack overflow.
    /// </summary>
    internal static class PlainJson
    {
        public const int MaxDepth = 32;

        public static void Write(Utf8JsonWriter writer, object? value, int depth = 0)
        {
            if (depth > MaxDepth) throw new ArgumentException($"The value nests deeper than {MaxDepth} levels (or refers to itself), which no request body needs.");
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case char c:
                    writer.WriteStringValue(c.ToString());
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case byte or sbyte or short or ushort or int or uint or long:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case ulong large:
                    writer.WriteNumberValue(large);
                    break;
                case decimal number:
                    writer.WriteNumberValue(number);
                    break;
                case double or float:
                    double real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (double.IsNaN(real) || double.IsInfinity(real)) throw new ArgumentException($"{real} is not a number JSON can carry.");
                    writer.WriteNumberValue(real);
                    break;
                case Guid uuid:
                    writer.WriteStringValue(uuid.ToString("D"));
                    break;
                case DateTime or DateTimeOffset:
                    writer.WriteStringValue(value is DateTime time ? time.ToString("o", CultureInfo.InvariantCulture) : ((DateTimeOffset)value).ToString("o", CultureInfo.InvariantCulture));
                    break;
                case IEnumerable<KeyValuePair<string, object?>> map:
                    writer.WriteStartObject();
                    foreach (KeyValuePair<string, object?> pair in map)
                    {
                        writer.WritePropertyName(pair.Key);
                        Write(writer, pair.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (object? item in list) Write(writer, item, depth + 1);
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(value.ToString());
                    break;
            }
        }
    }
}
