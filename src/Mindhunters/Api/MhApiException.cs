using System;

namespace Mindhunters.Api
{
    /// <summary>
    /// A failure of the engine, already worded for the person who reads it. Never holds the token. Public so a
    /// script can catch [Mindhunters.Api.MhApiException] and read StatusCode and Page.
    /// </summary>
    public sealed class MhApiException : Exception
    {
        internal MhApiException(MhErrorKind kind, string message, string recommendedAction, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            RecommendedAction = recommendedAction;
        }

        public MhErrorKind Kind { get; }
        public string RecommendedAction { get; }

        /// <summary>The HTTP status, when the server answered.</summary>
        public int? StatusCode { get; internal init; }

        /// <summary>The page whose request failed, when a listing failed.</summary>
        public int? Page { get; internal init; }

        /// <summary>The API's own "message" (and "data.error"), when it sent one.</summary>
        public string? ApiMessage { get; internal init; }

        /// <summary>The API's machine-readable "error.code" (INVALID_AUTH_TOKEN), or a code-like "data.error" of older endpoints.</summary>
        public string? ApiErrorCode { get; internal init; }

        /// <summary>The API's "error.details".</summary>
        public string? ApiErrorDetails { get; internal init; }

        /// <summary>The field a validation error (422) is about: "error.field", or the first key of "data.errors".</summary>
        public string? ApiErrorField { get; internal init; }

        /// <summary>
        /// A request that is not sent twice (a POST) may have reached the server before it failed: whether it took effect
        /// is unknown, and the recommended action says how to find out.
        /// </summary>
        public bool MayHaveArrived { get; internal init; }

        /// <summary>The same failure with one more sentence: what the command did about it.</summary>
        internal MhApiException WithNote(string note) => Copy(Message + " " + note, RecommendedAction, MayHaveArrived);

        /// <summary>The same failure with another recommended action, or another answer to whether the request may have arrived.</summary>
        internal MhApiException With(string recommendedAction, bool mayHaveArrived) => Copy(Message, recommendedAction, mayHaveArrived);

        private MhApiException Copy(string message, string recommendedAction, bool mayHaveArrived) => new MhApiException(Kind, message, recommendedAction, InnerException)
        {
            StatusCode = StatusCode,
            Page = Page,
            ApiMessage = ApiMessage,
            ApiErrorCode = ApiErrorCode,
            ApiErrorDetails = ApiErrorDetails,
            ApiErrorField = ApiErrorField,
            MayHaveArrived = mayHaveArrived,
        };

        public string ErrorId => Kind switch
        {
            MhErrorKind.NotConnected => "MhNotConnected",
            MhErrorKind.Authentication => "MhAuthenticationFailed",
            MhErrorKind.PermissionDenied => "MhPermissionDenied",
            MhErrorKind.NotFound => "MhNotFound",
            MhErrorKind.InvalidArgument => "MhInvalidArgument",
            MhErrorKind.Throttled => "MhThrottled",
            MhErrorKind.ServiceUnavailable => "MhServiceUnavailable",
            MhErrorKind.InvalidResponse => "MhInvalidResponse",
            MhErrorKind.Connection => "MhConnectionFailed",
            MhErrorKind.Timeout => "MhTimeout",
            MhErrorKind.RedirectRefused => "MhRedirectRefused",
            MhErrorKind.Refused => "MhRequestRefused",
            MhErrorKind.PurchaseLimitReached => "MhPurchaseLimitReached",
            _ => "MhHttpError",
        };
    }
}
