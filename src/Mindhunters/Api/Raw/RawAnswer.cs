using System.Text.Json.Serialization;

namespace Mindhunters.Api.Raw
{
    /// <summary>
    /// Any answer of the API, read without a type: the envelope's success and message, and "data" as plain values (objects
    /// as <see cref="RawObject"/>, arrays as object?[], numbers as long or double, strings, booleans, null).
    /// </summary>
    [JsonConverter(typeof(RawAnswerConverter))]
    internal sealed class RawAnswer
    {
        public bool? Success { get; set; }
        public string? Message { get; set; }

        /// <summary>The answer had a "data" member (which may be null); a body that is not an envelope is all data.</summary>
        public bool HasData { get; set; }

        public object? Data { get; set; }
    }
}
