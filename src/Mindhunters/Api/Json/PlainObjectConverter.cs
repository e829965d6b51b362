using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// Reads one object whose shape nobody promised (an agent's settings) into a plain dictionary of dictionaries,
    /// lists and values; anything that is not an object gives an empty dictionary, never null.
    /// </summary>
    internal sealed class PlainObjectConverter : JsonConverter<AgentSettings>
    {
        public override bool HandleNull => true;

        public override AgentSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var settings = new AgentSettings();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return settings;
            }
            var values = (PlainObject)PlainObjectArrayConverter.ReadValue(ref reader)!;
            foreach (KeyValuePair<string, object?> value in values) settings[value.Key] = value.Value;
            return settings;
        }

        public override void Write(Utf8JsonWriter writer, AgentSettings value, JsonSerializerOptions options) =>
            PlainJson.Write(writer, value);
    }
}
