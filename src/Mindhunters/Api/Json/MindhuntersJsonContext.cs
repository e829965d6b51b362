using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>The one source-generated context: no reflection, no per-call metadata building.</summary>
    [JsonSourceGenerationOptions(
        GenerationMode = JsonSourceGenerationMode.Metadata,
        DefaultBufferSize = 128 * 1024,
        Converters = new[]
        {
            typeof(LenientStringConverter), typeof(LenientBooleanConverter), typeof(LenientBooleanNullableConverter),
            typeof(LenientGuidConverter), typeof(LenientDateTimeOffsetConverter), typeof(LenientInt32Converter),
            typeof(LenientInt64Converter), typeof(LenientDecimalConverter),
        })]
    [JsonSerializable(typeof(ListResponse<PhoneNumber>), TypeInfoPropertyName = "PhoneNumberListResponse")]
    [JsonSerializable(typeof(ItemResponse<PhoneNumber>), TypeInfoPropertyName = "PhoneNumberItemResponse")]
    [JsonSerializable(typeof(PhoneNumber))]
    [JsonSerializable(typeof(List<PhoneNumber>))]
    [JsonSerializable(typeof(ListResponse<Agent>), TypeInfoPropertyName = "AgentListResponse")]
    [JsonSerializable(typeof(ListResponse<PhoneNumberRate>), TypeInfoPropertyName = "PhoneNumberRateListResponse")]
    [JsonSerializable(typeof(Agent))]
    [JsonSerializable(typeof(AgentNote))]
    [JsonSerializable(typeof(AgentProcedure))]
    [JsonSerializable(typeof(AgentProcedureStep))]
    [JsonSerializable(typeof(AgentTraining))]
    [JsonSerializable(typeof(PhoneNumberRate))]
    [JsonSerializable(typeof(RatePrice))]
    internal sealed partial class MindhuntersJsonContext : JsonSerializerContext
    {
    }

    /// <summary>The envelope every list endpoint shares: {"success", "message", "data": {"items", "pagination"}}.</summary>
    internal sealed class ListResponse<T> where T : class
    {
        [JsonPropertyName("success")] public bool? Success { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }

        [JsonPropertyName("data"), JsonConverter(typeof(LenientObjectConverterFactory))]
        public ListData<T>? Data { get; set; }
    }

    internal sealed class ListData<T> where T : class
    {
        [JsonPropertyName("items"), JsonConverter(typeof(LenientObjectListConverterFactory))]
        public List<T>? Items { get; set; }

        [JsonPropertyName("pagination"), JsonConverter(typeof(LenientObjectConverter<PaginationInfo>))]
        public PaginationInfo? Pagination { get; set; }
    }

    /// <summary>The envelope of a write: {"success", "message", "data": {the changed object}}.</summary>
    internal sealed class ItemResponse<T> where T : class
    {
        [JsonPropertyName("success")] public bool? Success { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }

        [JsonPropertyName("data"), JsonConverter(typeof(LenientObjectConverterFactory))]
        public T? Data { get; set; }
    }

    internal sealed class PaginationInfo
    {
        [JsonPropertyName("current_page")] public long? CurrentPage { get; set; }
        [JsonPropertyName("per_page")] public long? PerPage { get; set; }
        [JsonPropertyName("total")] public long? Total { get; set; }
        [JsonPropertyName("last_page")] public long? LastPage { get; set; }
        [JsonPropertyName("from")] public long? From { get; set; }
        [JsonPropertyName("to")] public long? To { get; set; }
        [JsonPropertyName("has_more")] public bool? HasMore { get; set; }
    }

    // An attribute cannot name a generic envelope's type parameter, so the generic envelopes reach the lenient
    // converters through these factories (one converter per closed type, made once per options).

    internal sealed class LenientObjectConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsClass;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(LenientObjectConverter<>).MakeGenericType(typeToConvert))!;
    }

    /// <summary>A page's "items": a lenient list that also keeps to <see cref="PageItemLimit"/>.</summary>
    internal sealed class LenientObjectListConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(LenientObjectListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]), new object[] { true })!;
    }
}
