using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>A whole number read as <see cref="LenientInt64Converter"/> reads it; one outside the Int32 range is null.</summary>
    internal sealed class LenientInt32Converter : LenientValueConverter<int?>
    {
        protected override int? FromNumber(ref Utf8JsonReader reader) => Narrow(LenientInt64Converter.Number(ref reader));

        protected override int? FromString(ref Utf8JsonReader reader) => Narrow(LenientInt64Converter.Text(ref reader));

        private static int? Narrow(long? value) => value is long v && v >= int.MinValue && v <= int.MaxValue ? (int)v : null;

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value is int v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }
}
