using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Raw
{
    /// <summary>Writes an item as the JSON it came from, so that the listing's repeat guard can compare items by content.</summary>
    internal sealed class RawItemConverter : JsonConverter<RawItem>
    {
        public override RawItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new RawItem(RawAnswerConverter.ReadValue(ref reader));

        public override void Write(Utf8JsonWriter writer, RawItem value, JsonSerializerOptions options) => PlainJson.Write(writer, value.Value);
    }
}
