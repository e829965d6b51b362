using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
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
