using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// Reads a nested object with its own (source-generated) converter, in place. JsonSerializer.Deserialize(ref reader)
    /// would first skip over the whole value to copy it into a new reader and then parse it again: once per level of
    /// nesting, which made each item's innermost objects be scanned up to 16 times.
    /// The converter is looked up once per options (in practice: once), not once per object read.
    /// </summary>
    internal sealed class NestedReader<T> where T : class
    {
        // One reference, replaced whole, so threads parsing pages in parallel never see half an update.
        private Lookup? _last;

        public JsonConverter<T> ConverterFor(JsonSerializerOptions options)
        {
            Lookup? last = Volatile.Read(ref _last);
            if (last is null || !ReferenceEquals(last.Options, options))
            {
                last = new Lookup(options, (JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter);
                Volatile.Write(ref _last, last);
            }
            return last.Converter;
        }

        public T? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => ConverterFor(options).Read(ref reader, typeof(T), options);

        private sealed class Lookup
        {
            public Lookup(JsonSerializerOptions options, JsonConverter<T> converter)
            {
                Options = options;
                Converter = converter;
            }

            public JsonSerializerOptions Options { get; }
            public JsonConverter<T> Converter { get; }
        }
    }
}
