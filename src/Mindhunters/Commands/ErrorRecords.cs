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
            _ => ErrorCategory.ProtocolError,
        };
    }
}
