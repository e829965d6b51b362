using System;
using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>Turns engine failures into ErrorRecords with a stable id, a category and a recommended action.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(MhApiException e, object? target)
        {
            var record = new ErrorRecord(e, e.ErrorId, Category(e.Kind), target)
            {
                ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = e.RecommendedAction },
            };
            return record;
        }

        public static ErrorRecord InvalidArgument(ArgumentException e, string errorId, object? target) =>
            new ErrorRecord(e, errorId, ErrorCategory.InvalidArgument, target)
            {
                ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = "Correct the value and run the command again." },
            };

        /// <summary>A uuid that names nothing: $null or 00000000-…, what a lookup that found nothing gives.</summary>
        /// <param name="parameter">"BoundToAgentUuid"</param>
        /// <param name="consequence">What sending it would do: "as a filter it would mean every phone number of the workspace".</param>
        /// <param name="lookup">Where an empty one usually comes from: "an agent lookup that found nothing (check Get-MhAgent -Name)".</param>
        public static ErrorRecord EmptyUuid(string parameter, string consequence, string lookup) =>
            InvalidArgument(new ArgumentException(
                $"{parameter} is empty ($null or {Guid.Empty}): {consequence}, so nothing was sent for it. An empty uuid usually comes from {lookup}."),
                "MhEmptyUuid", null);

        internal static ErrorCategory Category(MhErrorKind kind) => kind switch
        {
            MhErrorKind.NotConnected => ErrorCategory.ConnectionError,
            MhErrorKind.Authentication => ErrorCategory.AuthenticationError,
            MhErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            MhErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            MhErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            MhErrorKind.Throttled => ErrorCategory.LimitsExceeded,
            MhErrorKind.ServiceUnavailable => ErrorCategory.ResourceUnavailable,
            MhErrorKind.InvalidResponse => ErrorCategory.InvalidData,
            MhErrorKind.Connection => ErrorCategory.ConnectionError,
            MhErrorKind.Timeout => ErrorCategory.OperationTimeout,
            MhErrorKind.RedirectRefused => ErrorCategory.SecurityError,
            MhErrorKind.Refused => ErrorCategory.InvalidOperation,
            MhErrorKind.PurchaseLimitReached => ErrorCategory.QuotaExceeded,
            _ => ErrorCategory.ProtocolError,
        };
    }
}
