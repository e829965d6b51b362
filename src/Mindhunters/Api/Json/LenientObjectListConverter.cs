using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mindhunters.Api.Json
{
    /// <summary>Reads an array of objects of T, skipping elements that are not objects.</summary>
    internal sealed class LenientObjectListConverter<T> : JsonConverter<List<T>> where T : class
    {
        private readonly NestedReader<T> _nested = new NestedReader<T>();

        // null in the JSON gives an empty collection, never a null one.
        public override bool HandleNull => true;

        public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadObjects(ref reader, options, _nested);

        /// <summary>The objects of an array, in order; anything else in it (or instead of it) is skipped.</summary>
        internal static List<T> ReadObjects(ref Utf8JsonReader reader, JsonSerializerOptions options, NestedReader<T> nested)
        {
            var items = new List<T>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return items;
            }
            JsonConverter<T> converter = nested.ConverterFor(options);
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
            return items;
        }

        // Written only to tell items apart by their content (ItemIdentities).
        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) => WriteObjects(writer, value, options);

        internal static void WriteObjects(Utf8JsonWriter writer, IEnumerable<T> items, JsonSerializerOptions options)
        {
            var type = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            writer.WriteStartArray();
            foreach (T item in items) JsonSerializer.Serialize(writer, item, type);
            writer.WriteEndArray();
        }
    }
}
