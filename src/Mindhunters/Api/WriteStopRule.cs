namespace Mindhunters.Api
{
    /// <summary>
    /// When a write command stops instead of going on with the next object. A refused token or permission (401, 403), and
    /// a workspace at its purchase limit, are the same for every object: at once. A server that fails for the same reason three objects in a row (5xx after its
    /// retries, timeouts, throttling past its retries, no connection, answers that cannot be used) is failing, not the
    /// objects: then. A refusal of one request (404, 422, success: false) says nothing about the next object: never, and it
    /// breaks a run of server failures, as a success does.
    /// </summary>
    internal sealed class WriteStopRule
    {
        public const int FailuresInARow = 3;

        private MhErrorKind? _reason;

        /// <summary>How many objects in a row failed for the latest server-side reason.</summary>
        public int InARow { get; private set; }

        /// <returns>True when the command must stop after this failure.</returns>
        public bool StopsAfter(MhApiException failure)
        {
            if (failure.Kind is MhErrorKind.Authentication or MhErrorKind.PermissionDenied or MhErrorKind.PurchaseLimitReached) return true;
            if (!IsServerSide(failure.Kind))
            {
                Succeeded();
                return false;
            }
            InARow = failure.Kind == _reason ? InARow + 1 : 1;
            _reason = failure.Kind;
            return InARow >= FailuresInARow;
        }

        public void Succeeded()
        {
            _reason = null;
            InARow = 0;
        }

        /// <summary>A failure of the server rather than of the object: the same for the next object.</summary>
        public static bool IsServerSide(MhErrorKind kind) => kind is MhErrorKind.ServiceUnavailable or MhErrorKind.Timeout or MhErrorKind.Throttled
            or MhErrorKind.Connection or MhErrorKind.InvalidResponse or MhErrorKind.RedirectRefused;
    }
}
