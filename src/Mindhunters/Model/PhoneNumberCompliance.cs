using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    public sealed class PhoneNumberCompliance
    {
        [JsonInclude, JsonPropertyName("status")]
        public string? Status { get; internal set; }

        // The page shows requirements only as "[{}]": their shape is unknown, so each is kept as plain
        // dictionaries, lists and values rather than guessed into a class.
        [JsonInclude, JsonPropertyName("requirements"), JsonConverter(typeof(PlainObjectArrayConverter))]
        public IReadOnlyDictionary<string, object?>[] Requirements { get; internal set; } = new IReadOnlyDictionary<string, object?>[0];

        public override string ToString()
        {
            string status = Status ?? "unknown";
            return Requirements.Length switch
            {
                0 => status,
                1 => status + " (1 requirement)",
                _ => string.Format(CultureInfo.InvariantCulture, "{0} ({1} requirements)", status, Requirements.Length),
            };
        }
    }
}
