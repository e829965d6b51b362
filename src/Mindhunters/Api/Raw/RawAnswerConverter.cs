using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Raw
{
    /// <summary>
    /// Reads any answer into a <see cref="RawAnswer"/>, straight from the stream: numbers as ConvertFrom-Json gives them
    /// (long when whole and in range, else double), strings as they are (date-times stay text, as in Windows PowerShell),
    /// objects with their members in order. Members other than success, message and data are skipped.
    /// </summary>
    internal sealed class RawAnswerConverter : JsonConverter<RawAnswer>
    {
        public override RawAnswer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var answer = new RawAnswer();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                answer.HasData = true;
                answer.Data = ReadValue(ref reader);
                return answer;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString() ?? "";
                reader.Read();
                switch (name)
                {
                    case "success":
                        answer.Success = reader.TokenType switch
                        {
                            JsonTokenType.True => true,
                            JsonTokenType.False => false,
                            _ => null,
                        };
                        reader.Skip();
                        break;
                    case "message":
                        answer.Message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        reader.Skip();
                        break;
                    case "data":
                        answer.HasData = true;
                        answer.Data = ReadValue(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            return answer;
        }

        internal static object? ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var map = new RawObject();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string name = reader.GetString() ?? "";
                        reader.Read();
                        map.Add(new KeyValuePair<string, object?>(name, ReadValue(ref reader)));
                    }
                    return map;
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                    return list.ToArray();
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out long whole)) return whole;
                    // Past what a double holds (1e400): its text, rather than an infinity that was never sent.
                    return reader.TryGetDouble(out double real) && !double.IsInfinity(real) ? real : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                default:
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, RawAnswer value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            if (value.Success is bool success) writer.WriteBoolean("success", success);
            if (value.Message is not null) writer.WriteString("message", value.Message);
            if (value.HasData)
            {
                writer.WritePropertyName("data");
                PlainJson.Write(writer, value.Data);
            }
            writer.WriteEndObject();
        }
    }
}
