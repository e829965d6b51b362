using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    // An attribute cannot name a generic envelope's type parameter, so the generic envelopes reach the lenient
    // converters through these factories (one converter per closed type, made once per options).
    internal sealed class LenientObjectConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsClass;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(LenientObjectConverter<>).MakeGenericType(typeToConvert))!;
    }
}
