using System;

namespace Mindhunters.Api
{
    /// <summary>Thrown when a response body (after decompression) grows past its ceiling: a bomb or a body that never ends.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(long limit)
            : base($"The response body grew past {limit / (1024 * 1024)} MiB.")
        {
            Limit = limit;
        }

        public long Limit { get; }
    }
}
