using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Api
{
    /// <summary>
    /// The writes of one command: up to its throttle limit in flight across the piped objects, their outcomes handed out
    /// in the order the objects came, whatever order the answers arrive in. How many may be in flight follows what the
    /// server has shown so far:
    /// <list type="bullet">
    /// <item>one until the server has answered a write (success, or a refusal of that object such as 404): a refused
    /// token or a server that is down costs one request, as at -ThrottleLimit 1;</item>
    /// <item>one again after a server-side failure (5xx after its retries, a timeout, ...) until a write is answered:
    /// a failing server is not sent eight at once, and the objects that count towards the stop rule go one by one;</item>
    /// <item>one for the rest of the command after a 429, each after the pace's wait, as a listing does.</item>
    /// </list>
    /// The stop rule (<see cref="WriteStopRule"/>) judges the outcomes in input order, so "three in a row" means three
    /// objects piped one after the other. Once it stops the command no write starts; those already under way are still
    /// reported, each with its own outcome.
    /// </summary>
    internal sealed class WriteWindow
    {
        public const int MaxThrottleLimit = 8;

        /// <summary>
        /// Objects held in the window, outcomes waiting behind one whose answer is slow included: enough for the other
        /// requests to go on meanwhile, few enough that what a command holds does not grow with the objects piped.
        /// </summary>
        public const int MaxHeld = 4 * MaxThrottleLimit;

        private readonly int _limit;
        private readonly WritePace _pace;
        private readonly IListingLog _log;
        private readonly WriteStopRule _stopRule = new WriteStopRule();
        private readonly Queue<WriteSlot> _slots = new Queue<WriteSlot>();
        private readonly ManualResetEventSlim _settled;
        private bool _answered;
        private bool _failing;
        private bool _throttleReported;

        /// <param name="settled">Set each time a write ends: an outcome may be ready, and there may be room for another write.</param>
        public WriteWindow(int throttleLimit, WritePace pace, IListingLog log, ManualResetEventSlim settled)
        {
            if (throttleLimit < 1 || throttleLimit > MaxThrottleLimit) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            _limit = throttleLimit;
            _pace = pace;
            _log = log;
            _settled = settled;
        }

        /// <summary>The stop rule stopped the command: no write starts any more.</summary>
        public bool Stopped { get; private set; }

        /// <summary>No object is waiting for its outcome to be handed out.</summary>
        public bool IsEmpty => _slots.Count == 0;

        /// <summary>Requests under way.</summary>
        public int Running
        {
            get
            {
                int running = 0;
                foreach (WriteSlot slot in _slots)
                {
                    if (slot.Running) running++;
                }
                return running;
            }
        }

        /// <summary>Another write may start now.</summary>
        public bool HasRoom => !Stopped && _slots.Count < MaxHeld && Running < Width();

        /// <summary>Another object that needs no request may be held (its outcome waits for those before it).</summary>
        public bool CanHold => _slots.Count < MaxHeld;

        /// <summary>A write under way (<see cref="WriteSlot.Write"/>): its outcome comes after those of every object before it.</summary>
        public void Start(WriteSlot slot)
        {
            Task write = slot.Write ?? throw new ArgumentException("Only a write under way is started; hold an object that needs none.", nameof(slot));
            _slots.Enqueue(slot);
            write.ContinueWith(Settle, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>An object nothing is sent for (<see cref="WriteSlot.Note"/>): its outcome too waits for those before it.</summary>
        public void Hold(WriteSlot slot)
        {
            if (slot.Write is not null) throw new ArgumentException("A write under way is started, not held.", nameof(slot));
            _slots.Enqueue(slot);
        }

        /// <summary>
        /// The outcome of the first object not handed out yet, once it is known; null while its write is under way (or
        /// when none is left). A write cancelled by the command's token throws its OperationCanceledException.
        /// </summary>
        public WriteOutcome? TakeNext()
        {
            if (_slots.Count == 0 || _slots.Peek().Running) return null;
            WriteSlot slot = _slots.Dequeue();
            if (slot.Write is null) return new WriteOutcome(slot, slot.AsItIs, null, false, 0);
            try
            {
                object? answer = slot.Write.GetAwaiter().GetResult();
                _stopRule.Succeeded();
                _answered = true;
                _failing = false;
                return new WriteOutcome(slot, answer, null, false, 0);
            }
            catch (MhApiException failure)
            {
                if (Stopped) return new WriteOutcome(slot, null, failure, false, 0);
                Stopped = _stopRule.StopsAfter(failure);
                _failing = WriteStopRule.IsServerSide(failure.Kind);
                _answered |= !_failing;
                return new WriteOutcome(slot, null, failure, Stopped, _stopRule.InARow);
            }
        }

        /// <summary>How many requests may be in flight now (see the class).</summary>
        private int Width()
        {
            if (_limit == 1) return 1;
            if (_pace.Gap is not null)
            {
                if (!_throttleReported) _log.Verbose("The server is throttling (429): one request at a time for the rest of the command.");
                _throttleReported = true;
                return 1;
            }
            return _answered && !_failing ? _limit : 1;
        }

        private void Settle(Task write)
        {
            // Observed here, so a write nobody takes any more (the command ended first) is no unobserved exception.
            _ = write.Exception;
            // After the command's end this wakes nobody.
            _settled.Set();
        }
    }
}
