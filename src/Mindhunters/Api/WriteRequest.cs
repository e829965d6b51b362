using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using Mindhunters.Api.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// One write as the engine sends it: method, path, JSON body, the answer's type, what the request is for, and what the
    /// answer must be about. The engine side makes it (<see cref="ChannelSettingsChange.Request"/>), so no cmdlet handles
    /// HTTP details.
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

        /// <summary>The uuid of the object the write changes: an answer about another one is not used. Null for a write that makes one.</summary>
        public Guid? About { get; init; }

        /// <summary>The uuid of the answer's object, to compare with <see cref="About"/>.</summary>
        public Func<T, Guid>? IdOf { get; init; }

        /// <summary>The phone number (E.164) the write is about, when a number names it rather than a uuid (a trunk, a purchase).</summary>
        public string? AboutNumber { get; init; }

        /// <summary>The number of the answer's object, compared with <see cref="AboutNumber"/> by its digits; null when the answer names none.</summary>
        public Func<T, string?>? NumberOf { get; init; }

        /// <summary>
        /// The pages show no answer for this write (a DELETE): an answer without "data" is success with nothing to return,
        /// as an answer without a body is.
        /// </summary>
        public bool AnswerMayLackData { get; init; }

        /// <summary>The body holds a secret (a SIP password): it is cleared once the write has ended, whatever the outcome.</summary>
        public bool HoldsSecret { get; init; }

        /// <summary>
        /// PUT, PATCH and DELETE set state: sending one twice leaves what sending it once does, so they are retried like a
        /// GET. A POST may make something twice: it is sent again only when it certainly did not reach the server.
        /// </summary>
        public bool Idempotent => Method != HttpMethod.Post;
    }
}
