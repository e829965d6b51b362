using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>The envelope every list endpoint shares: {"success", "message", "data": {"items", "pagination"}}.</summary>
    internal sealed class ListResponse<T> where T : class
    {
        [JsonPropertyName("success")] public bool? Success { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }

        [JsonPropertyName("data"), JsonConverter(typeof(LenientObjectConverterFactory))]
        public ListData<T>? Data { get; set; }
    }
}
