using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The engine (client + lister) against a scope of its own of the shared fake API on 127.0.0.1, driven as the
    /// cmdlet drives it: 250 numbers, the token each class gives, no fault until the test sets one.
    /// Retry waits are recorded instead of slept, so tests of retries take no real time.
    /// </summary>
    public abstract class FakeApiTestBase : IAsyncLifetime
    {
        private readonly string _token;

        protected FakeApiTestBase(string token) => _token = token;

        protected FakeApiScope Server { get; private set; } = null!;
        internal RecordingLog Log { get; } = new RecordingLog();
        protected List<TimeSpan> Waits { get; } = new List<TimeSpan>();
        internal MhApiClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await FakeApiScope.CreateAsync(new ScopeSettings { Count = 250, Token = _token });
            Client = new MhApiClient(new Lazy<HttpClient>(() => MhApiClient.CreateHttpClient()), RetryPolicy.Default,
                (delay, token) => { lock (Waits) Waits.Add(delay); return Task.CompletedTask; });
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        internal MhConnection Connection(string? token = null, int timeoutSec = 100, Uri? baseUri = null) =>
            MhConnection.Create("demo", ConnectionTests.Secure(token ?? _token), baseUri ?? Server.BaseUri, timeoutSec, TokenOrigin.ConnectMhAccount);

        internal static PagePlan All(int? perPage = null) => PagePlan.Create(null, perPage, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage);

        /// <summary>Lists to the end; <paramref name="written"/> keeps what was handed out before a failure.</summary>
        internal async Task<(List<PhoneNumber> Items, Lister<PhoneNumber> Lister)> ListAsync(PagePlan plan, PhoneNumberQuery? query = null,
            int throttle = 1, MhConnection? connection = null, MhApiClient? client = null, List<PhoneNumber>? written = null,
            CancellationToken cancellationToken = default)
        {
            query ??= new PhoneNumberQuery();
            connection ??= Connection();
            client ??= Client;
            written ??= new List<PhoneNumber>();
            var lister = new Lister<PhoneNumber>(Endpoints.PhoneNumbers, plan,
                (page, perPage, onThrottled, token) => client.GetPageAsync(connection, Endpoints.PhoneNumbers, query, page, perPage, Log, onThrottled, token),
                throttle, Log, cancellationToken);
            using (lister)
            {
                while (await lister.NextAsync() is PageBatch<PhoneNumber> batch) written.AddRange(batch.Items);
            }
            return (written, lister);
        }
    }
}
