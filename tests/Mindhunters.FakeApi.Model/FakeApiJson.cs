using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// How the fake's own records travel as JSON (the control API, the command line): snake_case names, and a name
    /// the record does not have is refused rather than ignored, so a misspelt fault fails the test that sets it.
    /// </summary>
    public static class FakeApiJson
    {
        private static readonly ConcurrentDictionary<(Type, string), string> Names = new();

        public static JsonSerializerOptions Options { get; } = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };

        /// <summary>The JSON properties of <paramref name="type"/>, each with its JSON name and CLR property.</summary>
        public static JsonTypeInfo TypeInfo(Type type) => Options.GetTypeInfo(type);

        /// <summary>The JSON name of the property <paramref name="property"/> of <paramref name="type"/> ("Fail429" -> "fail_429").</summary>
        public static string NameOf(Type type, string property) =>
            Names.GetOrAdd((type, property), static key =>
            {
                foreach (JsonPropertyInfo info in TypeInfo(key.Item1).Properties)
                {
                    if (info.AttributeProvider is System.Reflection.MemberInfo member && member.Name == key.Item2)
                    {
                        return info.Name;
                    }
                }

                return key.Item2;
            });

        /// <summary>Reads <typeparamref name="T"/> from JSON, strictly.</summary>
        /// <exception cref="FormatException">Not JSON, a name <typeparamref name="T"/> does not have, a value of the wrong type or out of range.</exception>
        public static T Read<T>(string json)
            where T : class
        {
            try
            {
                using (JsonDocument document = JsonDocument.Parse(json))
                {
                    RefuseUnknownNames(document.RootElement, typeof(T));
                }

                return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException("Expected a JSON object, not null.");
            }
            catch (JsonException ex)
            {
                throw new FormatException(ex.Message, ex);
            }
        }

        public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

        // The serializer refuses them too; this says which names there are, for whoever misspelt one.
        private static void RefuseUnknownNames(JsonElement root, Type type)
        {
            if (root.ValueKind != JsonValueKind.Object || TypeInfo(type).Kind != JsonTypeInfoKind.Object)
            {
                return;
            }

            var names = new List<string>();
            foreach (JsonPropertyInfo property in TypeInfo(type).Properties)
            {
                names.Add(property.Name);
            }

            foreach (JsonProperty given in root.EnumerateObject())
            {
                if (!names.Contains(given.Name))
                {
                    throw new FormatException($"'{given.Name}' is not one of the names of {type.Name}: {string.Join(", ", names)}.");
                }
            }
        }
    }
}
