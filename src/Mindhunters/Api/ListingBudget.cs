namespace Mindhunters.Api
{
    /// <summary>
    /// What the pages of one listing hold together, from the first byte read until the cmdlet takes the page: the pages in
    /// flight at -ThrottleLimit 8 share <see cref="ReadLimits.ListingBytes"/> and <see cref="ReadLimits.ListingValues"/>.
    /// Thread-safe: pages are read in parallel.
    /// </summary>
    internal sealed class ListingBudget
    {
        private readonly object _lock = new object();
        private long _bytes;
        private long _values;

        public bool TryTake(long bytes, long values)
        {
            lock (_lock)
            {
                if (_bytes + bytes > ReadLimits.ListingBytes || _values + values > ReadLimits.ListingValues) return false;
                _bytes += bytes;
                _values += values;
                return true;
            }
        }

        public void Give(long bytes, long values)
        {
            lock (_lock)
            {
                _bytes -= bytes;
                _values -= values;
            }
        }
    }
}
