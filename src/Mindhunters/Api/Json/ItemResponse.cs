using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>The envelope of a write: {"success", "message", "data": {the changed object}}.</summary>
    internal sealed class ItemResponse<T> where T : class
    {
        [JsonPropertyName("success")] public bool? Success { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }

        [JsonPropertyName("data"), JsonConverter(typeof(LenientObjectConverterFactory))]
        public T? Data { get; set; }
    }
}
