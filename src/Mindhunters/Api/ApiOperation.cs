namespace Mindhunters.Api
{
    /// <summary>What one request was for, so that its failure says so in the reader's words and points at the right fix.</summary>
    internal sealed class ApiOperation
    {
        private ApiOperation(string failed, int? page, string command, string notFoundAction)
        {
            Failed = failed;
            Page = page;
            Command = command;
            NotFoundAction = notFoundAction;
        }

        /// <summary>"Listing agents failed on page 2", "Updating phone number 3c90… failed".</summary>
        public string Failed { get; }

        /// <summary>The page, when a listing failed.</summary>
        public int? Page { get; }

        /// <summary>The command whose help explains the values: "Get-MhAgent".</summary>
        public string Command { get; }

        public string NotFoundAction { get; }

        public static ApiOperation ListPage(string noun, string command, int page) => new ApiOperation(
            $"Listing {noun} failed on page {page}", page, command,
            $"Check the subdomain or base URI (Get-MhContext): the {noun} endpoint was not found there.");

        /// <param name="what">"Updating phone number 3c90c3cc-…"</param>
        /// <param name="notFoundAction">What to do when the object does not exist.</param>
        public static ApiOperation Write(string what, string command, string notFoundAction) =>
            new ApiOperation($"{what} failed", null, command, notFoundAction);
    }
}
