using System.Text.Json.Serialization;

namespace Mindhunters.Api.Json
{
    /// <summary>The envelope of every answer: {"success", "message", "data"}.</summary>
    internal abstract class ApiResponse<TData> where TData : class
    {
        [JsonPropertyName("success")] public bool? Success { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }

        [JsonPropertyName("data"), JsonConverter(typeof(LenientObjectConverterFactory))]
        public TData? Data { get; set; }
    }
}
