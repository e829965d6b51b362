using System;

namespace Mindhunters.Api.Json
{
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
