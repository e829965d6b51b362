using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>An array of strings (numbers and booleans as their text), a single string as one element; anything else is empty.</summary>
    internal sealed class LenientStringArrayConverter : JsonConverter<string[]>
    {
        // null in the JSON gives an empty collection, never a null one.
        public override bool HandleNull => true;

        public override string[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String) return new[] { reader.GetString() ?? "" };
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return new string[0];
            }
            var values = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String) values.Add(reader.GetString() ?? "");
                else if (reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False) values.Add(LenientStringConverter.RawText(ref reader));
                else reader.Skip();
            }
            return values.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, string[] value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (string item in value) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
    }
}
