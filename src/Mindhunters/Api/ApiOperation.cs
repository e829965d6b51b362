namespace Mindhunters.Api
{
    /// <summary>
    /// What one request was for, so that its failure says so in the reader's words and points at the right fix.
    /// One is made per page, so the sentences are only put together when a request fails.
    /// </summary>
    internal sealed class ApiOperation
    {
        private readonly string? _noun;
        private readonly System.Func<string>? _what;
        private readonly System.Func<string>? _notFoundAction;

        private ApiOperation(string? noun, System.Func<string>? what, int? page, string command, System.Func<string>? notFoundAction,
            System.Func<string, string?>? parameterOf = null, string? whenUnsure = null)
        {
            ParameterOf = parameterOf ?? (field => null);
            WhenUnsure = whenUnsure;
            _noun = noun;
            _what = what;
            Page = page;
            Command = command;
            _notFoundAction = notFoundAction;
        }

        /// <summary>"Listing agents failed on page 2", "Updating phone number 3c90… failed".</summary>
        public string Failed => _noun is not null ? $"Listing {_noun} failed on page {Page}" : $"{_what?.Invoke()} failed";

        /// <summary>The page, when a listing failed.</summary>
        public int? Page { get; }

        /// <summary>The command whose help explains the values: "Get-MhAgent".</summary>
        public string Command { get; }

        /// <summary>The parameter a refused field of the request came from ("-VoiceChannelLimit"), or null when none did.</summary>
        public System.Func<string, string?> ParameterOf { get; }

        /// <summary>
        /// For a request that is never sent twice (a POST): how to find out whether it took effect when its answer was lost,
        /// "Get-MhPhoneNumber -Number +390212345678 shows whether the number was bought"; null for the general advice.
        /// </summary>
        public string? WhenUnsure { get; }

        public string NotFoundAction => _notFoundAction?.Invoke() ?? $"Check the subdomain or base URI (Get-MhContext): the {_noun} endpoint was not found there.";

        public static ApiOperation ListPage(string noun, string command, int page) => new ApiOperation(noun, null, page, command, null);

        /// <param name="what">"Updating phone number 3c90c3cc-…"</param>
        /// <param name="notFoundAction">What to do when the object does not exist.</param>
        /// <param name="parameterOf">The parameter each field of the body comes from, so a 422 can name it.</param>
        /// <param name="whenUnsure">How to check a POST whose answer was lost (<see cref="WhenUnsure"/>).</param>
        public static ApiOperation Write(string what, string command, string notFoundAction,
            System.Func<string, string?>? parameterOf = null, string? whenUnsure = null) =>
            new ApiOperation(null, () => what, null, command, () => notFoundAction, parameterOf, whenUnsure);

        /// <summary>
        /// A write of a bulk change, one of thousands: <paramref name="what"/> and <paramref name="notFoundAction"/> are put
        /// together only when it fails.
        /// </summary>
        public static ApiOperation Write(System.Func<string> what, string command, System.Func<string> notFoundAction,
            System.Func<string, string?>? parameterOf = null) =>
            new ApiOperation(null, what, null, command, notFoundAction, parameterOf);
    }
}
