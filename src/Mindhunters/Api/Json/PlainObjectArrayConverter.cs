using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// Reads an array of objects whose shape nobody promised into plain dictionaries, lists, strings,
    /// decimals and booleans, which PowerShell shows as they are.
    /// </summary>
    internal sealed class PlainObjectArrayConverter : JsonConverter<IReadOnlyDictionary<string, object?>[]>
    {
        // null in the JSON gives an empty collection, never a null one.
        public override bool HandleNull => true;

        public override IReadOnlyDictionary<string, object?>[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var result = new List<IReadOnlyDictionary<string, object?>>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return result.ToArray();
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                object? value = ReadValue(ref reader);
                result.Add(value as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?> { ["value"] = value });
            }
            return result.ToArray();
        }

        internal static object? ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string name = reader.GetString() ?? "";
                        reader.Read();
                        map[name] = ReadValue(ref reader);
                    }
                    return map;
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                    return list.ToArray();
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return reader.TryGetDecimal(out decimal number) ? number : reader.GetDouble();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                default:
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?>[] value, JsonSerializerOptions options) =>
            WriteValue(writer, value);

        /// <summary>What <see cref="ReadValue"/> made, as JSON again.</summary>
        internal static void WriteValue(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case decimal number:
                    writer.WriteNumberValue(number);
                    break;
                case double real:
                    writer.WriteNumberValue(real);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case IEnumerable<KeyValuePair<string, object?>> map:
                    writer.WriteStartObject();
                    foreach (KeyValuePair<string, object?> pair in map)
                    {
                        writer.WritePropertyName(pair.Key);
                        WriteValue(writer, pair.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable<object?> list:
                    writer.WriteStartArray();
                    foreach (object? item in list) WriteValue(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(value.ToString());
                    break;
            }
        }
    }
}
