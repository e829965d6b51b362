using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// Reads of a phone number only its uuid, as the full contract reads it (same name, same lenient reading, the last one
    /// wins), and skips the rest: for the answer to a change that is checked (it is about the number sent) and never
    /// shown. Building the whole number, its channels and bindings was most of what checking such an answer cost.
    /// </summary>
    internal sealed class PhoneNumberUuidOnlyConverter : JsonConverter<PhoneNumber>
    {
        private static readonly LenientGuidConverter Uuid = new LenientGuidConverter();
        private static readonly byte[] UuidName = Encoding.UTF8.GetBytes("phone_number_uuid");

        public override PhoneNumber? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }
            var number = new PhoneNumber();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isUuid = reader.ValueTextEquals(UuidName);
                reader.Read();
                if (isUuid) number.PhoneNumberUuid = Uuid.Read(ref reader, typeof(Guid), options);
                else reader.Skip();
            }
            return number;
        }

        public override void Write(Utf8JsonWriter writer, PhoneNumber value, JsonSerializerOptions options) =>
            throw new NotSupportedException("A phone number read for its uuid only is never written.");
    }
}
