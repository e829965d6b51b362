using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    internal sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    if (reader.TryGetDateTimeOffset(out DateTimeOffset iso)) return iso;
                    // "2023-11-07 05:31:56" and other common forms; a time without an offset is taken as UTC.
                    return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset parsed) ? parsed : null;
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out long seconds) ? FromUnixSeconds(seconds) : null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        private static DateTimeOffset? FromUnixSeconds(long seconds)
        {
            try { return DateTimeOffset.FromUnixTimeSeconds(seconds); }
            catch (ArgumentOutOfRangeException) { return null; }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is DateTimeOffset date) writer.WriteStringValue(date); else writer.WriteNullValue();
        }
    }
}
