using System.Globalization;
using System.Text.Json.Serialization;
using Mindhunters.Api.Json;

namespace Mindhunters.Model
{
    public sealed class PhoneNumberCompliance
    {
        [JsonInclude, JsonPropertyName("status")]
        public string? Status { get; internal set; }

        // The page shows requirements only as "[{}]": their shape is unknown, so each is kept as a plain object of
        // values rather than guessed into a class. The list reads as "type: address, description: …; type: …".
        [JsonInclude, JsonPropertyName("requirements"), JsonConverter(typeof(PlainObjectArrayConverter))]
        public PartList<PlainObject> Requirements { get; internal set; } = PartList<PlainObject>.Empty;

        public override string ToString()
        {
            string status = Status ?? "unknown";
            return Requirements.Count switch
            {
                0 => status,
                1 => status + " (1 requirement)",
                _ => string.Format(CultureInfo.InvariantCulture, "{0} ({1} requirements)", status, Requirements.Count),
            };
        }
    }
}
