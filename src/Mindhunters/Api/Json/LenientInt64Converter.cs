using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    internal sealed class LenientInt64Converter : JsonConverter<long?>
    {
        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadInt64(ref reader);

        private const double TwoTo63 = 9223372036854775808.0;

        internal static long? ReadInt64(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out long whole)) return whole;
                    // (double)long.MaxValue rounds up to 2^63, where a cast is undefined: .NET saturates, .NET Framework
                    // wraps to long.MinValue. So compare with 2^63 itself, and read anything larger as "as many as can be".
                    if (!reader.TryGetDouble(out double real) || double.IsNaN(real) || real < -TwoTo63) return null;
                    return real >= TwoTo63 ? long.MaxValue : (long)real;
                case JsonTokenType.String:
                    return long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is long v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }
}
