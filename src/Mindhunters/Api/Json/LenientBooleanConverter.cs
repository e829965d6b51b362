using System;
using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>true/false, a number (non-zero is true), or "1", "true", "yes" in any case; anything else is false.</summary>
    internal sealed class LenientBooleanConverter : LenientValueConverter<bool>
    {
        protected override bool FromBoolean(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.True;

        protected override bool FromNumber(ref Utf8JsonReader reader) => Number(ref reader);

        protected override bool FromString(ref Utf8JsonReader reader) => Text(ref reader);

        internal static bool Number(ref Utf8JsonReader reader) => reader.TryGetDouble(out double number) && number != 0;

        internal static bool Text(ref Utf8JsonReader reader)
        {
            string text = (reader.GetString() ?? "").Trim();
            return text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase);
        }

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }
}
