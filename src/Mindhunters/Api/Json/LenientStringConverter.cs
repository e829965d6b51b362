using System.Text;
using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>A string, or a number or boolean as its JSON text ("speed": 1.1 reads as "1.1"); anything else is null.</summary>
    internal sealed class LenientStringConverter : LenientValueConverter<string>
    {
        protected override string? FromString(ref Utf8JsonReader reader) => reader.GetString();

        protected override string? FromNumber(ref Utf8JsonReader reader) => RawText(ref reader);

        protected override string? FromBoolean(ref Utf8JsonReader reader) => RawText(ref reader);

        internal static string RawText(ref Utf8JsonReader reader) =>
            Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
