namespace Mindhunters.Api
{
    /// <summary>
    /// What one answer may hold, and what the pages of one listing may hold together while they are read and wait to be
    /// written. A real page is far smaller on every count (100 phone numbers are about 100 KB and 4,000 JSON values; an
    /// agent with long prompts has few values but long strings): the limits are there so that what a server sends, a
    /// decompression bomb, an endless body, millions of {} or many large pages at once, costs a bounded amount of memory.
    /// </summary>
    internal static class ReadLimits
    {
        /// <summary>The body of one answer, after decompression.</summary>
        public const long MaxBytes = 32L * 1024 * 1024;

        /// <summary>The JSON values of one answer (about: objects, arrays and the elements and members after a comma).</summary>
        public const long MaxValues = 500_000;

        /// <summary>How deep one answer nests: a page of the API is under ten levels.</summary>
        public const int MaxDepth = 32;

        /// <summary>What the pages of one listing in flight (read, or read and not yet written) may hold together.</summary>
        public const long ListingBytes = 2 * MaxBytes;

        public const long ListingValues = 2 * MaxValues;
    }
}
