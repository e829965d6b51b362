using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// Reads an array of objects whose shape nobody promised into <see cref="PlainObject"/>s of plain objects, lists,
    /// strings, decimals and booleans, which PowerShell shows as they are and which read as text.
    /// </summary>
    internal sealed class PlainObjectArrayConverter : JsonConverter<PartList<PlainObject>>
    {
        // null in the JSON gives an empty collection, never a null one.
        public override bool HandleNull => true;

        public override PartList<PlainObject> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var result = new List<PlainObject>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return new PartList<PlainObject>(result);
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                object? value = ReadValue(ref reader);
                result.Add(value as PlainObject ?? new PlainObject { ["value"] = value });
            }
            return new PartList<PlainObject>(result);
        }

        internal static object? ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var map = new PlainObject();
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
                    return new PlainList(list);
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

        public override void Write(Utf8JsonWriter writer, PartList<PlainObject> value, JsonSerializerOptions options) =>
            PlainJson.Write(writer, value);
    }
}
