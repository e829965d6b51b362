using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>A page's "items": a lenient list (the attribute on a generic envelope cannot name the closed converter).</summary>
    internal sealed class LenientObjectListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(LenientObjectListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }
}
