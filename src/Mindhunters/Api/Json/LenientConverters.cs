using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace Mindhunters.Api.Json
{
    // A tolerant reader: servers written from the same page send numbers as strings, 0/1 for booleans,
    // dates without a 'T' or an object where a value was expected. None of that may fail a listing, so each
    // converter takes what it can and leaves the rest empty instead of throwing.

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

    /// <summary>Reads an object of T, or skips whatever else stands there and gives null.</summary>
    internal sealed class LenientObjectConverter<T> : JsonConverter<T> where T : class
    {
        private readonly NestedReader<T> _nested = new NestedReader<T>();

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return _nested.Read(ref reader, options);
            }
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    /// <summary>
    /// The most items one page may hold while it is read: the per_page that was asked for. Set around the parse of one
    /// page (it flows into the deserializer's continuations); a server that sends more ends the read at once, before a
    /// million small items become a million objects.
    /// </summary>
    internal static class PageItemLimit
    {
        private static readonly AsyncLocal<int> Limit = new AsyncLocal<int>();

        /// <summary>0: no limit.</summary>
        public static int Current
        {
            get => Limit.Value;
            set => Limit.Value = value;
        }
    }

    internal sealed class TooManyItemsException : Exception
    {
        public TooManyItemsException(int limit)
            : base($"The page holds more than the {limit} items asked for.")
        {
            Limit = limit;
        }

        public int Limit { get; }
    }

    /// <summary>Reads an array of objects of T, skipping elements that are not objects.</summary>
    internal sealed class LenientObjectListConverter<T> : JsonConverter<List<T>> where T : class
    {
        private readonly NestedReader<T> _nested = new NestedReader<T>();
        private readonly bool _isPageItems;

        public LenientObjectListConverter()
            : this(false)
        {
        }

        /// <param name="isPageItems">This list is a page's "items": <see cref="PageItemLimit"/> applies.</param>
        public LenientObjectListConverter(bool isPageItems) => _isPageItems = isPageItems;

        // null in the JSON gives an empty collection, never a null one.
        public override bool HandleNull => true;

        public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadObjects(ref reader, options, _nested, _isPageItems && PageItemLimit.Current > 0 ? PageItemLimit.Current : int.MaxValue);

        /// <summary>The objects of an array, in order; anything else in it (or instead of it) is skipped.</summary>
        internal static List<T> ReadObjects(ref Utf8JsonReader reader, JsonSerializerOptions options, NestedReader<T> nested, int limit = int.MaxValue)
        {
            var items = new List<T>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return items;
            }
            JsonConverter<T> converter = nested.ConverterFor(options);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (items.Count >= limit) throw new TooManyItemsException(limit);
                    T? item = converter.Read(ref reader, typeof(T), options);
                    if (item is not null) items.Add(item);
                }
                else
                {
                    reader.Skip();
                }
            }
            return items;
        }

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The module only reads lists.");
    }

    internal sealed class LenientStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return RawText(ref reader);
                default:
                    reader.Skip();
                    return null;
            }
        }

        internal static string RawText(ref Utf8JsonReader reader) =>
            Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    internal sealed class LenientBooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                case JsonTokenType.Null:
                    return false;
                case JsonTokenType.Number:
                    return reader.TryGetDouble(out double number) && number != 0;
                case JsonTokenType.String:
                    string text = (reader.GetString() ?? "").Trim();
                    return text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase);
                default:
                    reader.Skip();
                    return false;
            }
        }

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    internal sealed class LenientGuidConverter : JsonConverter<Guid>
    {
        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.TryGetGuid(out Guid value) || Guid.TryParse(reader.GetString(), out value) ? value : Guid.Empty;
            }
            reader.Skip();
            return Guid.Empty;
        }

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    internal sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset?>
    {
        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    if (reader.TryGetDateTimeOffset(out DateTimeOffset iso)) return iso;
                    // "2023-11-07 05:31:56" and other common forms; a time without an offset is taken as UTC.
                    return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset parsed) ? parsed : null;
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out long seconds) ? FromUnixSeconds(seconds) : null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        private static DateTimeOffset? FromUnixSeconds(long seconds)
        {
            try { return DateTimeOffset.FromUnixTimeSeconds(seconds); }
            catch (ArgumentOutOfRangeException) { return null; }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is DateTimeOffset date) writer.WriteStringValue(date); else writer.WriteNullValue();
        }
    }

    internal sealed class LenientInt32Converter : JsonConverter<int?>
    {
        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            long? value = LenientInt64Converter.ReadInt64(ref reader);
            return value is long v && v >= int.MinValue && v <= int.MaxValue ? (int)v : null;
        }

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value is int v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }

    internal sealed class LenientInt64Converter : JsonConverter<long?>
    {
        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadInt64(ref reader);

        private const double TwoTo63 = 9223372036854775808.0;

        internal static long? ReadInt64(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out long whole)) return whole;
                    // (double)long.MaxValue rounds up to 2^63, where a cast is undefined: .NET saturates, .NET Framework
                    // wraps to long.MinValue. So compare with 2^63 itself, and read anything larger as "as many as can be".
                    if (!reader.TryGetDouble(out double real) || double.IsNaN(real) || real < -TwoTo63) return null;
                    return real >= TwoTo63 ? long.MaxValue : (long)real;
                case JsonTokenType.String:
                    return long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is long v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }

    internal sealed class LenientDecimalConverter : JsonConverter<decimal?>
    {
        public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    return reader.TryGetDecimal(out decimal value) ? value : null;
                case JsonTokenType.String:
                    return decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal parsed) ? parsed : null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
        {
            if (value is decimal v) writer.WriteNumberValue(v); else writer.WriteNullValue();
        }
    }

    internal sealed class LenientBooleanNullableConverter : JsonConverter<bool?>
    {
        private static readonly LenientBooleanConverter Inner = new LenientBooleanConverter();

        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Inner.Read(ref reader, typeof(bool), options);

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is bool v) writer.WriteBooleanValue(v); else writer.WriteNullValue();
        }
    }

    internal sealed class LenientStringArrayConverter : JsonConverter<string[]>
    {
        // null in the JSON gives an empty collection, never a null one.
        public override bool HandleNull => true;

        public override string[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String) return new[] { reader.GetString() ?? "" };
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return new string[0];
            }
            var values = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String) values.Add(reader.GetString() ?? "");
                else if (reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False) values.Add(LenientStringConverter.RawText(ref reader));
                else reader.Skip();
            }
            return values.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, string[] value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (string item in value) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// Reads an array of objects whose shape nobody promised into plain dictionaries, lists, strings,
    /// decimals and booleans, which PowerShell shows as they are.
    /// </summary>
    internal sealed class PlainObjectArrayConverter : JsonConverter<IReadOnlyDictionary<string, object?>[]>
    {
        // null in the JSON gives an empty collection, never a null one.
        public override bool HandleNull => true;

        public override IReadOnlyDictionary<string, object?>[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var result = new List<IReadOnlyDictionary<string, object?>>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return result.ToArray();
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                object? value = ReadValue(ref reader);
                result.Add(value as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?> { ["value"] = value });
            }
            return result.ToArray();
        }

        internal static object? ReadValue(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string name = reader.GetString() ?? "";
                        reader.Read();
                        map[name] = ReadValue(ref reader);
                    }
                    return map;
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                    return list.ToArray();
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return reader.TryGetDecimal(out decimal number) ? number : reader.GetDouble();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                default:
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?>[] value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The module only reads lists.");
    }
}
