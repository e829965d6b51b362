using System;
using System.Threading;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// One test's view of the fake API: its data set (Count, AgentCount), its token, its faults, what PATCH requests
    /// changed and the requests it received. A scope is reached at /s/{id}/ (the root scope at /); nothing of one
    /// scope is visible from another, so tests that share the process cannot disturb each other.
    /// </summary>
    internal sealed class Scope
    {
        private FaultSettings _faults;
        private int _count;
        private int _agentCount;
        private int _inFlight;

        public Scope(string id, ScopeSettings settings)
        {
            Id = id;
            Token = settings.Token;
            _count = settings.Count;
            _agentCount = settings.AgentCount;
            _faults = settings.Faults;
            PurchaseLimit = settings.PurchaseLimit;
            ContactCount = settings.ContactCount;
            ConversationCount = settings.ConversationCount;
        }

        /// <summary>The id in /s/{id}/; empty for the root scope.</summary>
        public string Id { get; }

        /// <summary>The bearer token the API endpoints accept.</summary>
        public string Token { get; }

        /// <summary>The size of the phone-number data set (numbers 1..Count); PUT /_fake/count changes it live.</summary>
        public int Count
        {
            get => Volatile.Read(ref _count);
            set => Volatile.Write(ref _count, value);
        }

        /// <summary>How many agents GET /api/v1/agents lists; PUT /_fake/agent-count changes it live.</summary>
        public int AgentCount
        {
            get => Volatile.Read(ref _agentCount);
            set => Volatile.Write(ref _agentCount, value);
        }

        /// <summary>The current fault settings; setting them replaces them whole, atomically.</summary>
        public FaultSettings Faults
        {
            get => Volatile.Read(ref _faults);
            set => Volatile.Write(ref _faults, value ?? throw new ArgumentNullException(nameof(value)));
        }

        public RequestLog Log { get; } = new();

        /// <summary>Requests of the API and the hostile modes being served now (GET /_fake/in-flight).</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>A request arrives: how many are in flight with it, itself included.</summary>
        public int Arrive() => Interlocked.Increment(ref _inFlight);

        /// <summary>A request's answer ended, or its client left.</summary>
        public void Leave() => Interlocked.Decrement(ref _inFlight);

        public ChannelSettingsStore Channels { get; } = new();

        /// <summary>The numbers the scope bought or brought in on trunks.</summary>
        public NumberInventory Numbers { get; } = new();

        public BindingStore Bindings { get; } = new();

        public TrunkStore Trunks { get; } = new();

        /// <summary>How many numbers POST /api/v1/phone-numbers may buy in this scope (0 = no limit).</summary>
        public int PurchaseLimit { get; }

        /// <summary>How many contacts GET /api/v1/contacts lists, and conversations GET /api/v1/conversations.</summary>
        public int ContactCount { get; }

        public int ConversationCount { get; }

        /// <summary>The number as the API shows it now: what PATCH requests, trunks and channel assignments changed.</summary>
        public FakePhoneNumber Current(FakePhoneNumber number) => Bindings.Current(Trunks.Current(Channels.Current(number)));

        /// <summary>A number of the scope by uuid: computed (1..Count) or added; null when there is none.</summary>
        public FakePhoneNumber? FindNumber(Guid uuid)
        {
            if (FakeData.TryIndexOf(uuid, out int index))
            {
                return index <= Count ? Current(FakeData.Item(index)) : null;
            }

            return Numbers.Find(uuid) is { } added ? Current(added.Number) : null;
        }

        /// <summary>True when <paramref name="number"/> is one of the scope's computed numbers or an added one.</summary>
        public bool Owns(string number) => FakeNumbers.TryIndexOf(number, Count, out _) || Numbers.FindByNumber(number) is not null;

        /// <summary>
        /// Uses up one counted fault: <paramref name="choose"/> picks it from the settings and gives the settings with
        /// one fewer, which replace the current ones unless another request or POST /_fake/faults replaced them first
        /// (then it chooses again, from those). A new record per count keeps one truth that GET /_fake/faults shows.
        /// </summary>
        /// <returns>What was chosen, and the settings it was chosen from.</returns>
        public (T Fault, FaultSettings Settings) Take<T>(Func<FaultSettings, (T Fault, FaultSettings? Next)> choose)
        {
            while (true)
            {
                FaultSettings current = Faults;
                (T fault, FaultSettings? next) = choose(current);
                if (next is null || ReferenceEquals(Interlocked.CompareExchange(ref _faults, next, current), current))
                {
                    return (fault, current);
                }
            }
        }
    }
}
