using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The filtered and sorted index list of each distinct (query, count), computed once and reused by every scope, so paging
    /// through 100,000 numbers costs one pass per listing rather than one per page.
    /// </summary>
    internal sealed class SelectionCache
    {
        private const int MaxEntries = 256;

        private readonly ConcurrentDictionary<(FakeQuery Query, int Count), Lazy<IReadOnlyList<int>>> _entries = new();

        public IReadOnlyList<int> Get(FakeQuery query, int count)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            Lazy<IReadOnlyList<int>> entry = _entries.GetOrAdd(
                (query, count),
                static key => new Lazy<IReadOnlyList<int>>(() => FakeData.Select(key.Query, key.Count), LazyThreadSafetyMode.ExecutionAndPublication));
            return entry.Value;
        }
    }
}
