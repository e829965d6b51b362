using System;

namespace Mindhunters.Api
{
    /// <summary>
    /// How fast the writes of one command may go. After the server throttles one of them (429), every write that follows
    /// waits as long as the server asked (Retry-After, else the wait before the retry) before it is sent, for the rest of
    /// the command: a server that throttles one object must not get the next at full speed.
    /// </summary>
    internal sealed class WritePace
    {
        private long _gapTicks;

        /// <summary>The wait before each write's first attempt; null until the server throttled.</summary>
        public TimeSpan? Gap
        {
            get
            {
                long ticks = System.Threading.Interlocked.Read(ref _gapTicks);
                return ticks == 0 ? null : TimeSpan.FromTicks(ticks);
            }
        }

        /// <param name="wait">Retry-After, or the backoff when the server gave none.</param>
        public void Throttled(TimeSpan wait) => System.Threading.Interlocked.Exchange(ref _gapTicks, Math.Max(wait.Ticks, 1));
    }
}
