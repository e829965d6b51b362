using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    internal sealed class ListData<T> where T : class
    {
        [JsonPropertyName("items"), JsonConverter(typeof(LenientObjectListConverterFactory))]
        public List<T>? Items { get; set; }

        [JsonPropertyName("pagination"), JsonConverter(typeof(LenientObjectConverter<PaginationInfo>))]
        public PaginationInfo? Pagination { get; set; }
    }
}
