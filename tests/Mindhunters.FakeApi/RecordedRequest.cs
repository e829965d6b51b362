namespace Mindhunters.FakeApi;

/// <summary>
/// One request of /api/v1/phone-numbers as the fake saw it. <paramref name="Query"/> is the raw query string
/// without the leading '?' (still percent-encoded; empty when none). Only whether an Authorization header was
/// present is kept, never its value. <paramref name="Status"/> is the status the fake answered with.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Query, bool HadAuthorization, int Status);
