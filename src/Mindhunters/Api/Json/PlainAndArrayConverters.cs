using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// Reads one object whose shape nobody promised (an agent's settings) into a plain dictionary of dictionaries,
    /// lists and values; anything that is not an object gives an empty dictionary, never null.
    /// </summary>
    internal sealed class PlainObjectConverter : JsonConverter<IReadOnlyDictionary<string, object?>>
    {
        public override bool HandleNull => true;

        public override IReadOnlyDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            }
            return (IReadOnlyDictionary<string, object?>)PlainObjectArrayConverter.ReadValue(ref reader)!;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The module only reads agents.");
    }

    /// <summary>Reads an array of objects of T into T[], skipping elements that are not objects; never null.</summary>
    internal sealed class LenientObjectArrayConverter<T> : JsonConverter<T[]> where T : class
    {
        private readonly NestedReader<T> _nested = new NestedReader<T>();

        public override bool HandleNull => true;

        public override T[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var items = new List<T>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return items.ToArray();
            }
            JsonConverter<T> converter = _nested.ConverterFor(options);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    T? item = converter.Read(ref reader, typeof(T), options);
                    if (item is not null) items.Add(item);
                }
                else
                {
                    reader.Skip();
                }
            }
            return items.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The module only reads agents.");
    }
}
