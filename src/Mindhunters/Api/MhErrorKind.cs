
namespace Mindhunters.Api
{
    /// <summary>What kind of failure: the cmdlets map each to a stable error id and a PowerShell category.</summary>
    public enum MhErrorKind
    {
        NotConnected,
        Authentication,
        PermissionDenied,
        NotFound,
        InvalidArgument,
        Throttled,
        ServiceUnavailable,
        InvalidResponse,
        Connection,
        Timeout,
        RedirectRefused,
        HttpError,
        Refused,
        PurchaseLimitReached,
    }
}
