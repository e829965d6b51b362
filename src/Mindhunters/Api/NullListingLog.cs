namespace Mindhunters.Api
{
    internal sealed class NullListingLog : IListingLog
    {
        public static readonly NullListingLog Instance = new NullListingLog();
        public bool VerboseWanted => false;
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
