using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using Mindhunters.Api.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// One write as the engine sends it: method, path, JSON body, the answer's type and what the request is for. The
    /// engine side makes it (<see cref="ChannelSettingsChange.Request"/>), so no cmdlet handles HTTP details.
    /// </summary>
    internal sealed class WriteRequest<T> where T : class
    {
        public WriteRequest(HttpMethod method, string path, byte[] body, JsonTypeInfo<ItemResponse<T>> responseType, ApiOperation operation)
        {
            Method = method;
            Path = path;
            Body = body;
            ResponseType = responseType;
            Operation = operation;
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the connection's base URI: "api/v1/phone-numbers/{uuid}".</summary>
        public string Path { get; }

        /// <summary>UTF-8 JSON, sent again as it is on a retry.</summary>
        public byte[] Body { get; }

        public JsonTypeInfo<ItemResponse<T>> ResponseType { get; }

        public ApiOperation Operation { get; }
    }
}
