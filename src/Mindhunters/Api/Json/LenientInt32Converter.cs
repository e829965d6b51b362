using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    internal sealed class LenientInt32Converter : JsonConverter<int?>
    {
        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            long? value = LenientInt64Converter.ReadInt64(ref reader);
            return value is long v && v >= int.MinValue && v <= int.MaxValue ? (int)v : null;
        }

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value is int v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }
}
