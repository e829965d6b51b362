using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Mindhunters.Model
{
    public sealed class PhoneNumberCapabilities
    {
        [JsonInclude, JsonPropertyName("voice")] public bool Voice { get; internal set; }
        [JsonInclude, JsonPropertyName("sms")] public bool Sms { get; internal set; }
        [JsonInclude, JsonPropertyName("mms")] public bool Mms { get; internal set; }
        [JsonInclude, JsonPropertyName("fax")] public bool Fax { get; internal set; }
        [JsonInclude, JsonPropertyName("emergency")] public bool Emergency { get; internal set; }
        [JsonInclude, JsonPropertyName("local_calling")] public bool LocalCalling { get; internal set; }

        /// <summary>The enabled capabilities as short names: "voice, sms, mms".</summary>
        public override string ToString() => Join(", ", "none", "voice", "sms", "mms", "fax", "emergency", "local_calling");

        /// <summary>A compact form for narrow table columns: "V S M".</summary>
        public string ToShortString() => Join(" ", "-", "V", "S", "M", "F", "E", "L");

        private string Join(string separator, string empty, string voice, string sms, string mms, string fax, string emergency, string local)
        {
            var parts = new List<string>(6);
            if (Voice) parts.Add(voice);
            if (Sms) parts.Add(sms);
            if (Mms) parts.Add(mms);
            if (Fax) parts.Add(fax);
            if (Emergency) parts.Add(emergency);
            if (LocalCalling) parts.Add(local);
            return parts.Count == 0 ? empty : string.Join(separator, parts);
        }
    }
}
