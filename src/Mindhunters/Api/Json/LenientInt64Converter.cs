using System.Globalization;
using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>A whole number, a number as text, or a fraction (cut toward zero); anything else is null.</summary>
    internal sealed class LenientInt64Converter : LenientValueConverter<long?>
    {
        private const double TwoTo63 = 9223372036854775808.0;

        protected override long? FromNumber(ref Utf8JsonReader reader) => Number(ref reader);

        protected override long? FromString(ref Utf8JsonReader reader) => Text(ref reader);

        internal static long? Number(ref Utf8JsonReader reader)
        {
            if (reader.TryGetInt64(out long whole)) return whole;
            // (double)long.MaxValue rounds up to 2^63, where a cast is undefined: .NET saturates, .NET Framework
            // wraps to long.MinValue. So compare with 2^63 itself, and read anything larger as "as many as can be".
            if (!reader.TryGetDouble(out double real) || double.IsNaN(real) || real < -TwoTo63) return null;
            return real >= TwoTo63 ? long.MaxValue : (long)real;
        }

        internal static long? Text(ref Utf8JsonReader reader) =>
            long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is long v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }
}
