using System.Text.Json.Serialization;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// One request of an API endpoint (/api/v1/... and /hostile/...) as a scope of the fake saw it; GET /_fake/requests
    /// lists them. <paramref name="Path"/> is the path under the scope's base URI; <paramref name="Query"/> the raw
    /// query string without the leading '?' (still percent-encoded; empty when none). Only whether an Authorization
    /// header was present is kept, never its value. <paramref name="Status"/> is the status the fake answered with. A
    /// request whose method carries a body (POST, PUT, PATCH) also keeps its Content-Type and its body as text; both
    /// are null (and left out of the JSON) for the others. <see cref="InFlight"/> tells how many of the scope's requests
    /// were being served when this one arrived, itself included: what shows a client's concurrency.
    /// </summary>
    public sealed record RecordedRequest(
        string Method,
        string Path,
        string Query,
        bool HadAuthorization,
        int Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContentType = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body = null)
    {
        public int InFlight { get; init; }
    }
}
