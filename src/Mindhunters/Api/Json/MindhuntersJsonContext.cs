using System.Collections.Generic;
using System.Text.Json.Serialization;
using Mindhunters.Api.Raw;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>The one source-generated context: no reflection, no per-call metadata building.</summary>
    /// <remarks>
    /// Its converters make a tolerant reader: servers written from the same page send numbers as strings, 0/1 for
    /// booleans, dates without a 'T' or an object where a value was expected. None of that may fail a listing, so each
    /// converter takes what it can and leaves the rest empty instead of throwing.
    /// </remarks>
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
    [JsonSerializable(typeof(ItemResponse<AgentChannelAnswer>), TypeInfoPropertyName = "AgentChannelAnswerItemResponse")]
    [JsonSerializable(typeof(AgentChannelAnswer))]
    [JsonSerializable(typeof(ItemResponse<PhoneNumberTrunk>), TypeInfoPropertyName = "PhoneNumberTrunkItemResponse")]
    [JsonSerializable(typeof(PhoneNumberTrunk))]
    [JsonSerializable(typeof(TrunkChannels))]
    [JsonSerializable(typeof(TrunkChannel))]
    [JsonSerializable(typeof(RawAnswer))]
    [JsonSerializable(typeof(RawItem))]
    [JsonSerializable(typeof(ListResponse<RawItem>), TypeInfoPropertyName = "RawItemListResponse")]
    [JsonSerializable(typeof(AgentNote))]
    [JsonSerializable(typeof(AgentProcedure))]
    [JsonSerializable(typeof(AgentProcedureStep))]
    [JsonSerializable(typeof(AgentTraining))]
    [JsonSerializable(typeof(PhoneNumberRate))]
    [JsonSerializable(typeof(RatePrice))]
    internal sealed partial class MindhuntersJsonContext : JsonSerializerContext
    {
    }
}
