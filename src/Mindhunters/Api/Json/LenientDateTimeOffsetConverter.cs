using System;
using System.Globalization;
using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>ISO 8601, common forms such as "2023-11-07 05:31:56" (UTC when no offset is given), or Unix seconds; anything else is null.</summary>
    internal sealed class LenientDateTimeOffsetConverter : LenientValueConverter<DateTimeOffset?>
    {
        protected override DateTimeOffset? FromString(ref Utf8JsonReader reader)
        {
            if (reader.TryGetDateTimeOffset(out DateTimeOffset iso)) return iso;
            return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset parsed) ? parsed : null;
        }

        protected override DateTimeOffset? FromNumber(ref Utf8JsonReader reader)
        {
            if (!reader.TryGetInt64(out long seconds)) return null;
            try
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is DateTimeOffset date) writer.WriteStringValue(date); else writer.WriteNullValue();
        }
    }
}
