using System.Collections.Generic;
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
    [JsonSerializable(typeof(PhoneNumberListResponse))]
    [JsonSerializable(typeof(PhoneNumber))]
    [JsonSerializable(typeof(List<PhoneNumber>))]
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

    /// <summary>The envelope of GET /api/v1/phone-numbers.</summary>
    internal sealed class PhoneNumberListResponse
    {
        [JsonPropertyName("success")] public bool? Success { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }

        [JsonPropertyName("data"), JsonConverter(typeof(LenientObjectConverter<PhoneNumberListData>))]
        public PhoneNumberListData? Data { get; set; }
    }

    internal sealed class PhoneNumberListData
    {
        [JsonPropertyName("items"), JsonConverter(typeof(LenientObjectListConverter<PhoneNumber>))]
        public List<PhoneNumber>? Items { get; set; }

        [JsonPropertyName("pagination"), JsonConverter(typeof(LenientObjectConverter<PaginationInfo>))]
        public PaginationInfo? Pagination { get; set; }
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
}
