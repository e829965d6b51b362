using System;

namespace Mindhunters.Api
{
    /// <summary>Thrown while a page is read, the moment it holds more items than the per_page asked for.</summary>
    internal sealed class TooManyItemsException : Exception
    {
        public TooManyItemsException(int limit)
            : base($"The page holds more than the {limit} items asked for.")
        {
            Limit = limit;
        }

        public int Limit { get; }
    }
}
