using System;
using System.Net.Http;

namespace Mindhunters.Api
{
    /// <summary>The failures that only a write has: an answer that says no, one about another object, a POST not repeated.</summary>
    internal static class WriteErrors
    {
        public const string NotSentAgain =
            "It was not sent again: a POST that may have reached the server is never repeated, so nothing is done twice. Check whether it took effect before running the command again.";

        /// <summary>
        /// A POST that failed after it may have reached the server: it is not sent again, the error says so, and the
        /// recommended action is how to find out whether it took effect (the operation's, when it knows a way).
        /// </summary>
        public static MhApiException MayHaveArrived(MhApiException failure, ApiOperation operation) =>
            failure.WithNote(NotSentAgain).With(operation.WhenUnsure ?? failure.RecommendedAction, mayHaveArrived: true);

        /// <summary>A 2xx whose body says "success": false.</summary>
        public static MhApiException Refused(MhConnection connection, HttpResponseMessage response, string? message, ApiOperation operation)
        {
            string said = ServerText.Clean(message, connection);
            return new MhApiException(MhErrorKind.Refused,
                $"{operation.Failed}: the API answered {ApiErrors.StatusText(response, connection)} but said it did not succeed.{(said.Length > 0 ? " The API said: " + said : "")}",
                "Read what the API said, correct the values or the object's state, then run the command again.")
            {
                StatusCode = (int)response.StatusCode,
                ApiMessage = said.Length > 0 ? said : null,
            };
        }

        /// <summary>A 2xx whose object is another one than the write was about: it cannot stand for the object sent.</summary>
        public static MhApiException AboutAnother(HttpResponseMessage response, Guid about, Guid answered, ApiOperation operation) =>
            new MhApiException(MhErrorKind.InvalidResponse,
                $"{operation.Failed}: the API answered about {answered:D} instead of {about:D}, so the answer was not used; the change may or may not have been made.",
                "List the object again to see its state, and report the answer to Mindhunters support with the time.")
            {
                StatusCode = (int)response.StatusCode,
            };

        /// <summary>A 2xx whose object is about another phone number than the write was (compared as E.164 digits).</summary>
        public static MhApiException AboutAnotherNumber(HttpResponseMessage response, string about, string answered, MhConnection connection, ApiOperation operation) =>
            new MhApiException(MhErrorKind.InvalidResponse,
                $"{operation.Failed}: the API answered about {ServerText.Clean(answered, connection, 40)} instead of {about}, so the answer was not used; the change may or may not have been made.",
                "List the object again to see its state, and report the answer to Mindhunters support with the time.")
            {
                StatusCode = (int)response.StatusCode,
            };
    }
}
