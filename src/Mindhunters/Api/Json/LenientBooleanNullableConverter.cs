using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>A boolean read as <see cref="LenientBooleanConverter"/> reads it; null stays null.</summary>
    internal sealed class LenientBooleanNullableConverter : LenientValueConverter<bool?>
    {
        protected override bool? FromBoolean(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.True;

        protected override bool? FromNumber(ref Utf8JsonReader reader) => LenientBooleanConverter.Number(ref reader);

        protected override bool? FromString(ref Utf8JsonReader reader) => LenientBooleanConverter.Text(ref reader);

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is bool v) writer.WriteBooleanValue(v); else writer.WriteNullValue();
        }
    }
}
