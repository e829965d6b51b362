using System;

namespace Mindhunters.Api
{
    /// <summary>What became of one piped object's write, handed out by <see cref="WriteWindow"/> in input order.</summary>
    internal sealed class WriteOutcome
    {
        public WriteOutcome(WriteSlot slot, object? answer, MhApiException? failure, bool stops, int inARow)
        {
            Slot = slot;
            Answer = answer;
            Failure = failure;
            Stops = stops;
            InARow = inARow;
        }

        public WriteSlot Slot { get; }

        /// <summary>The API's answer; or the object as piped when nothing was sent; null for a 2xx without a body.</summary>
        public object? Answer { get; }

        /// <summary>Why the write failed; null when it succeeded or was not sent.</summary>
        public MhApiException? Failure { get; }

        /// <summary>This failure stops the command (<see cref="WriteStopRule"/>): the objects piped after it are not sent.</summary>
        public bool Stops { get; }

        /// <summary>How many objects in a row, this one included, failed for this failure's server-side reason.</summary>
        public int InARow { get; }
    }
}
