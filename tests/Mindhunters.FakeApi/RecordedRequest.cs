namespace Mindhunters.FakeApi;

/// <summary>
/// One request of an API endpoint (/api/v1/...) as the fake saw it. <paramref name="Query"/> is the raw query string
/// without the leading '?' (still percent-encoded; empty when none). Only whether an Authorization header was
/// present is kept, never its value. <paramref name="Status"/> is the status the fake answered with. A request with
/// a body (PATCH) also keeps its Content-Type and its body as text; both are null for a GET.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, bool HadAuthorization, int Status, string? ContentType = null, string? Body = null);
