using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mindhunters.Api.Json
{
    /// <summary>Reads an object of T, or skips whatever else stands there and gives null.</summary>
    internal sealed class LenientObjectConverter<T> : JsonConverter<T> where T : class
    {
        private readonly NestedReader<T> _nested = new NestedReader<T>();

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return _nested.Read(ref reader, options);
            }
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}
