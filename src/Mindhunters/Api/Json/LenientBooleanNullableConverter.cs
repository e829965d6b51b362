using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    internal sealed class LenientBooleanNullableConverter : JsonConverter<bool?>
    {
        private static readonly LenientBooleanConverter Inner = new LenientBooleanConverter();

        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Inner.Read(ref reader, typeof(bool), options);

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is bool v) writer.WriteBooleanValue(v); else writer.WriteNullValue();
        }
    }
}
