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
        public string RecommendedAction { get; private set; }

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

        /// <summary>An answer not read to its end for its size: what a listing can still do about it (a smaller page, one page at a time).</summary>
        internal PageSizeRefusal SizeRefusal { get; init; }

        /// <summary>With <see cref="SizeRefusal"/>: how many of the page's items were read whole before the limit.</summary>
        internal int ItemsBeforeRefusal { get; init; }

        private string? _note;

        public override string Message => _note is null ? base.Message : base.Message + " " + _note;

        /// <summary>Adds one sentence to the message, what the command did about the failure, before it is reported.</summary>
        internal MhApiException WithNote(string note)
        {
            _note = _note is null ? note : _note + " " + note;
            return this;
        }

        /// <summary>
        /// A request that is not sent twice (a POST) may have reached the server before it failed: whether it took effect
        /// is unknown, and the recommended action says how to find out.
        /// </summary>
        public bool MayHaveArrived { get; private set; }

        /// <summary>Another recommended action, and whether the request may have arrived, before it is reported.</summary>
        internal MhApiException With(string recommendedAction, bool mayHaveArrived)
        {
            RecommendedAction = recommendedAction;
            MayHaveArrived = mayHaveArrived;
            return this;
        }

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
