namespace Mindhunters.Api
{
    /// <summary>
    /// Where the engine reports what it does. Calls may come from any thread; the cmdlet side queues them
    /// and writes them on the pipeline thread. Nothing passed here may contain a header or the token.
    /// </summary>
    internal interface IListingLog
    {
        /// <summary>Verbose lines reach someone; when false, a line that costs something to put together need not be.</summary>
        bool VerboseWanted { get; }

        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }
}
