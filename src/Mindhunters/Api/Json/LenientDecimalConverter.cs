using System.Globalization;
using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>A JSON number or a number written as text, invariant culture; anything else is null.</summary>
    internal sealed class LenientDecimalConverter : LenientValueConverter<decimal?>
    {
        protected override decimal? FromNumber(ref Utf8JsonReader reader) => reader.TryGetDecimal(out decimal value) ? value : null;

        protected override decimal? FromString(ref Utf8JsonReader reader) =>
            decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal parsed) ? parsed : null;

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value is decimal v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }
}
