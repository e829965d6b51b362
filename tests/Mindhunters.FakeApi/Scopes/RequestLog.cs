using System.Collections.Generic;

namespace Mindhunters.FakeApi
{
    /// <summary>The thread-safe list of recorded requests (the oldest are dropped past <see cref="Capacity"/>).</summary>
    internal sealed class RequestLog
    {
        public const int Capacity = 100_000;

        private readonly object _gate = new();
        private readonly List<RecordedRequest> _items = new();

        public void Add(RecordedRequest request)
        {
            lock (_gate)
            {
                if (_items.Count >= Capacity)
                {
                    _items.RemoveRange(0, Capacity / 10);
                }

                _items.Add(request);
            }
        }

        public RecordedRequest[] Snapshot()
        {
            lock (_gate)
            {
                return _items.ToArray();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _items.Clear();
            }
        }
    }
}
