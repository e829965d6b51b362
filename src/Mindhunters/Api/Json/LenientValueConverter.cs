using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// What every lenient value converter shares: the JSON token decides which read applies, and whatever none of them
    /// takes (an object, an array, null) is skipped and read as the type's default, never an exception.
    /// </summary>
    internal abstract class LenientValueConverter<T> : JsonConverter<T>
    {
        public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return FromString(ref reader);
                case JsonTokenType.Number:
                    return FromNumber(ref reader);
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return FromBoolean(ref reader);
                default:
                    reader.Skip();
                    return default;
            }
        }

        protected virtual T? FromString(ref Utf8JsonReader reader) => default;

        protected virtual T? FromNumber(ref Utf8JsonReader reader) => default;

        protected virtual T? FromBoolean(ref Utf8JsonReader reader) => default;
    }
}
