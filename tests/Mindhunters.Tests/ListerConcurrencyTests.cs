using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// -ThrottleLimit as the lister applies it, with pages that arrive only when the test says so: never more than
    /// N requests in flight (so never more than about N pages held), items strictly in page order, and one request
    /// at a time once the server has answered 429. The test decides when each page arrives, once the lister has settled.
    /// </summary>
    public sealed class ListerConcurrencyTests
    {
        private const int Pages = 10;
        private const int PerPage = 10;

        private static PagePlan All() => PagePlan.Create(null, PerPage, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage);

        /// <summary>A fetcher whose pages stay in flight until <see cref="CompleteLowest"/> lets the lowest one arrive.</summary>
        private sealed class ScriptedServer
        {
            private readonly object _lock = new object();
            private readonly SortedDictionary<int, TaskCompletionSource<ListPage<PhoneNumber>>> _inFlight = new SortedDictionary<int, TaskCompletionSource<ListPage<PhoneNumber>>>();
            private readonly Dictionary<int, List<PhoneNumber>> _items = new Dictionary<int, List<PhoneNumber>>();
            private readonly int? _throttleOnPage;
            private bool _throttled;

            public ScriptedServer(int? throttleOnPage = null)
            {
                _throttleOnPage = throttleOnPage;
                for (int page = 1; page <= Pages; page++)
                {
                    _items[page] = Enumerable.Range(0, PerPage).Select(_ => new PhoneNumber { PhoneNumberUuid = Guid.NewGuid() }).ToList();
                }
            }

            public int MaxInFlight { get; private set; }
            public List<int> Requested { get; } = new List<int>();

            /// <summary>For each request started after the 429: how many were in flight when it started.</summary>
            public List<int> InFlightAtStartAfterThrottle { get; } = new List<int>();

            public IEnumerable<Guid> Expected => Enumerable.Range(1, Pages).SelectMany(p => _items[p]).Select(n => n.PhoneNumberUuid);

            public Task<ListPage<PhoneNumber>> Fetch(int page, int perPage, Action onThrottled, CancellationToken cancellationToken)
            {
                Assert.Equal(PerPage, perPage);
                var arrival = new TaskCompletionSource<ListPage<PhoneNumber>>(TaskCreationOptions.RunContinuationsAsynchronously);
                lock (_lock)
                {
                    if (_throttled) InFlightAtStartAfterThrottle.Add(_inFlight.Count);
                    _inFlight.Add(page, arrival);
                    Requested.Add(page);
                    MaxInFlight = Math.Max(MaxInFlight, _inFlight.Count);
                    if (page == _throttleOnPage)
                    {
                        // What MhApiClient does when a 429 comes back (it then retries and succeeds).
                        _throttled = true;
                        onThrottled();
                    }
                }
                return arrival.Task;
            }

            /// <summary>
            /// Waits until the lister has issued what it will (no new request for 25 ms, at most 2 s): a page let through
            /// while the thread pool is still issuing the next requests would cut the count in flight short on a loaded
            /// machine (8 pages to issue, 7 counted, once in a run of the whole suite under load).
            /// </summary>
            public async Task SettleAsync()
            {
                int seen = -1;
                var quiet = System.Diagnostics.Stopwatch.StartNew();
                for (var total = System.Diagnostics.Stopwatch.StartNew(); total.ElapsedMilliseconds < 2_000; await Task.Delay(1))
                {
                    int now;
                    lock (_lock) now = Requested.Count;
                    if (now != seen)
                    {
                        seen = now;
                        quiet.Restart();
                    }
                    else if (quiet.ElapsedMilliseconds >= 25)
                    {
                        return;
                    }
                }
            }

            /// <summary>Lets the lowest page in flight arrive; false when none is in flight.</summary>
            public bool CompleteLowest()
            {
                TaskCompletionSource<ListPage<PhoneNumber>> arrival;
                int page;
                lock (_lock)
                {
                    if (_inFlight.Count == 0) return false;
                    KeyValuePair<int, TaskCompletionSource<ListPage<PhoneNumber>>> lowest = _inFlight.First();
                    page = lowest.Key;
                    arrival = lowest.Value;
                    _inFlight.Remove(page);
                }
                arrival.SetResult(new ListPage<PhoneNumber>(page, _items[page], page, PerPage, Pages * PerPage, Pages, page < Pages));
                return true;
            }
        }

        private static async Task<List<Guid>> DriveAsync(ScriptedServer server, int throttleLimit)
        {
            var listed = new List<Guid>();
            using var lister = new Lister<PhoneNumber>(Endpoints.PhoneNumbers, All(), server.Fetch, throttleLimit, NullListingLog.Instance, CancellationToken.None);
            for (int step = 0; step < 10_000; step++)
            {
                Task<PageBatch<PhoneNumber>?> next = lister.NextAsync();
                // Let pages arrive one at a time, lowest first, until the lister has the one it waits for.
                for (int wait = 0; !next.IsCompleted && wait < 1_000; wait++)
                {
                    await server.SettleAsync();
                    server.CompleteLowest();
                    await Task.WhenAny(next, Task.Delay(1));
                }
                PageBatch<PhoneNumber>? batch = await next;
                if (batch is null) return listed;
                listed.AddRange(batch.Items.Select(n => n.PhoneNumberUuid));
            }
            throw new InvalidOperationException("The listing did not end.");
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        [InlineData(8)]
        public async Task NeverMoreThanTheLimitInFlight_AndItemsInPageOrder(int throttleLimit)
        {
            var server = new ScriptedServer();

            List<Guid> listed = await DriveAsync(server, throttleLimit);

            Assert.Equal(server.Expected, listed);
            Assert.Equal(Enumerable.Range(1, Pages), server.Requested);
            // Page 1 alone (it tells last_page), then up to the limit; default 1 is one page fetched ahead.
            Assert.Equal(Math.Min(throttleLimit, Pages - 1), server.MaxInFlight);
        }

        [Fact]
        public async Task After429_OneRequestAtATime_ForTheRestOfTheListing()
        {
            var server = new ScriptedServer(throttleOnPage: 3);

            List<Guid> listed = await DriveAsync(server, throttleLimit: 4);

            Assert.Equal(server.Expected, listed);
            Assert.Equal(Enumerable.Range(1, Pages), server.Requested);
            Assert.NotEmpty(server.InFlightAtStartAfterThrottle);
            Assert.All(server.InFlightAtStartAfterThrottle, inFlight => Assert.Equal(0, inFlight));
        }
    }
}

