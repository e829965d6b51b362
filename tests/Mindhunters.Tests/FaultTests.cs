using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>The engine against a fake API that fails: retries, errors, guards, cancellation, redirects.</summary>
    public sealed class FaultTests : FakeApiTestBase
    {
        private const string Token = "fault-test-token-0123456789";

        public FaultTests() : base(Token)
        {
        }

        /// <summary>Lists with the default query and gives the numbers written (into <paramref name="written"/> when given).</summary>
        private async Task<List<PhoneNumber>> RunAsync(PagePlan plan, List<PhoneNumber>? written = null, MhConnection? connection = null,
            MhApiClient? client = null, CancellationToken cancellationToken = default) =>
            (await ListAsync(plan, connection: connection, client: client, written: written, cancellationToken: cancellationToken)).Items;

        private IEnumerable<string> Verbose => Log.VerboseLines;
        private IEnumerable<string> Warnings => Log.WarningLines;

        [Theory]
        [InlineData(503)]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(504)]
        [InlineData(408)]
        public async Task TransientStatuses_AreRetried_WithDoublingWaits_AndTheListingCompletes(int status)
        {
            Server.Faults = new FaultSettings { FailStatus = status, Fail5xx = 2 };

            List<PhoneNumber> items = await RunAsync(All());

            Assert.Equal(225, items.Count);
            Assert.Equal(2, Waits.Count);
            Assert.InRange(Waits[0].TotalSeconds, 0.8, 1.2);
            Assert.InRange(Waits[1].TotalSeconds, 1.6, 2.4);
            Assert.Equal(2, Verbose.Count(v => v.StartsWith("Waiting ", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task RetryAfter_InSeconds_IsWaitedFor()
        {
            Server.Faults = new FaultSettings { Fail429 = 1, RetryAfter = "7" };

            Assert.Equal(225, (await RunAsync(All())).Count);
            Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(Waits));
            Assert.Contains(Verbose, v => v.Contains("Retry-After 7 s"));
        }

        [Fact]
        public async Task RetryAfter_AsAnHttpDate_IsWaitedFor()
        {
            Server.Faults = new FaultSettings { Fail429 = 1, RetryAfter = DateTimeOffset.UtcNow.AddSeconds(20).ToString("r") };

            await RunAsync(All());
            Assert.InRange(Assert.Single(Waits).TotalSeconds, 15, 21);
        }

        [Fact]
        public async Task RetryAfter_Beyond120Seconds_FailsAtOnce_InsteadOfWaiting()
        {
            Server.Faults = new FaultSettings { Fail429 = 1, RetryAfter = "600" };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All()));
            Assert.Equal(("MhThrottled", 1), (e.ErrorId, e.Page));
            Assert.Contains("600 s", e.Message);
            Assert.Empty(Waits);
            Assert.Single(Server.Requests);
        }

        [Fact]
        public async Task ARetryAfterBeyond120Seconds_OnA503_IsTheServiceError_NotThrottling()
        {
            Server.Faults = new FaultSettings { Fail5xx = 1, RetryAfter = "600" };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All()));
            Assert.Equal(("MhServiceUnavailable", 503), (e.ErrorId, e.StatusCode));
            Assert.Empty(Waits);
        }

        [Fact]
        public async Task AServiceThatStaysDown_FailsAfterThreeRetries_WithTheApisMessage()
        {
            Server.Faults = new FaultSettings { Fail5xx = 100 };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All()));

            Assert.Equal(("MhServiceUnavailable", 503, 1), (e.ErrorId, e.StatusCode, e.Page));
            Assert.Contains("after 3 retries", e.Message);
            Assert.Contains("Service temporarily unavailable. (maintenance)", e.Message);
            Assert.Equal(4, Server.Requests.Count);
            Assert.Equal(3, Waits.Count);
        }

        [Fact]
        public async Task AFailureOnALaterPage_LeavesWhatWasWritten_AndNamesThePage()
        {
            var written = new List<PhoneNumber>();
            Server.Faults = new FaultSettings { StuckPage = true }; // page 2 answers as page 1

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All(), written));

            Assert.Equal(("MhInvalidResponse", 2), (e.ErrorId, e.Page));
            Assert.Equal(100, written.Count);
            Assert.Contains("page 2 was asked for but the server answered with page 1", e.Message);
        }

        [Theory]
        [InlineData(422, @"{""success"":false,""message"":""The given data was invalid."",""data"":{""error"":""The selected status is invalid.""}}", "MhInvalidArgument", "The given data was invalid. (The selected status is invalid.)")]
        [InlineData(403, @"{""success"":false,""message"":""This action is unauthorized."",""data"":null}", "MhPermissionDenied", "This action is unauthorized.")]
        [InlineData(404, @"{""success"":false,""message"":""Not Found"",""data"":null}", "MhNotFound", "Not Found")]
        public async Task ClientErrors_AreNotRetried_AndCarryTheApisMessage(int status, string body, string errorId, string said)
        {
            Server.Faults = new FaultSettings { StatusOverride = 1, OverrideStatus = status, OverrideBody = body };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All()));

            Assert.Equal((errorId, status), (e.ErrorId, e.StatusCode));
            Assert.Equal(said, e.ApiMessage);
            Assert.Single(Server.Requests);
            Assert.False(string.IsNullOrEmpty(e.RecommendedAction));
        }

        [Fact]
        public async Task AnHtmlErrorPage_IsReportedWithItsStatusAndAShortExcerpt()
        {
            Server.Faults = new FaultSettings { HtmlError = 10 };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All()));

            Assert.Equal(("MhServiceUnavailable", 502), (e.ErrorId, e.StatusCode));
            Assert.Contains("not JSON: \"502 Bad Gateway 502 Bad Gateway nginx\"", e.Message);
            Assert.DoesNotContain("<", e.Message);
        }

        [Fact]
        public async Task TruncatedJson_IsInvalidData_NotALoop()
        {
            Server.Faults = new FaultSettings { TruncateJson = 1 };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All()));
            Assert.Equal(("MhInvalidResponse", 1), (e.ErrorId, e.Page));
            Assert.Single(Server.Requests);
        }

        [Fact]
        public async Task AConnectionResetMidBody_IsRetried()
        {
            Server.Faults = new FaultSettings { ResetMidBody = 1 };

            Assert.Equal(225, (await RunAsync(All())).Count);
            Assert.Single(Waits);
            Assert.Contains(Verbose, v => v.Contains("network error"));
        }

        [Fact]
        public async Task ARefusedConnection_IsAConnectionError_AfterRetries()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All(), connection: Connection(baseUri: new Uri($"http://127.0.0.1:{closedPort}"))));
            Assert.Equal("MhConnectionFailed", e.ErrorId);
            Assert.Equal(3, Waits.Count);
        }

        [Fact]
        public async Task AStalledBody_TimesOut_AndTheRetrySucceeds()
        {
            Server.Faults = new FaultSettings { StallBody = 1, StallMs = 30_000 };

            Assert.Equal(225, (await RunAsync(All(), connection: Connection(timeoutSec: 1))).Count);
            Assert.Contains(Verbose, v => v.Contains("timed out"));
        }

        [Fact]
        public async Task Cancelling_EndsAStalledBody_AndABackoffWait_Promptly()
        {
            // Real waits this time: the 1 s backoff and the 30 s stall must both give way to the token.
            var realClient = new MhApiClient(new Lazy<HttpClient>(() => MhApiClient.CreateHttpClient()), RetryPolicy.Default, (d, t) => Task.Delay(d, t));
            foreach (FaultSettings faults in new[] { new FaultSettings { StallBody = 1, StallMs = 30_000 }, new FaultSettings { Fail5xx = 1 } })
            {
                Server.Faults = faults;
                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                var clock = Stopwatch.StartNew();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(All(), client: realClient, cancellationToken: cancel.Token));
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancelling took {clock.Elapsed}");
            }
        }

        [Fact]
        public async Task HasMoreForever_EndsInAnError_NotALoop()
        {
            var written = new List<PhoneNumber>();
            Server.Faults = new FaultSettings { HasMoreForever = true };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All(), written));

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Equal(225, written.Count);
            Assert.Equal(3, Server.Requests.Count);
        }

        [Fact]
        public async Task APageThatRepeatsItems_EndsInAnError_AndNoItemIsWrittenTwice()
        {
            var written = new List<PhoneNumber>();
            Server.Faults = new FaultSettings { RepeatPage = true };

            var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All(), written));

            Assert.Equal(("MhInvalidResponse", 2), (e.ErrorId, e.Page));
            Assert.Contains("repeats only phone numbers already listed", e.Message);
            Assert.Equal(written.Count, written.Select(n => n.PhoneNumberUuid).Distinct().Count());
        }

        [Fact]
        public async Task ATotalThatChangesMidListing_GivesOneWarning()
        {
            var connection = Connection();
            IListingLog log = Log;
            using var lister = new Lister<PhoneNumber>(Endpoints.PhoneNumbers, All(perPage: 50),
                (page, perPage, onThrottled, token) => Client.GetPageAsync(connection, Endpoints.PhoneNumbers, new PhoneNumberQuery(), page, perPage, log, onThrottled, token),
                1, log, CancellationToken.None);
            var written = new List<PhoneNumber>((await lister.NextAsync())!.Items);
            Server.Count = 300; // numbers bought while the listing runs
            while (await lister.NextAsync() is PageBatch<PhoneNumber> batch) written.AddRange(batch.Items);

            string warning = Assert.Single(Warnings);
            Assert.Contains("changed from 225 to 270", warning);
            Assert.Equal(written.Count, written.Select(n => n.PhoneNumberUuid).Distinct().Count());
        }

        [Fact]
        public async Task ARedirect_IsRefused_AndTheTokenNeverReachesTheOtherHost()
        {
            // The other host: a port that only listens, so a connection to it, had the redirect been followed, waits there.
            var elsewhere = new TcpListener(IPAddress.Loopback, 0);
            elsewhere.Start();
            try
            {
                int port = ((IPEndPoint)elsewhere.LocalEndpoint).Port;
                Server.Faults = new FaultSettings { RedirectToPort = port };

                var e = await Assert.ThrowsAsync<MhApiException>(() => RunAsync(All()));

                Assert.Equal(("MhRedirectRefused", 302), (e.ErrorId, e.StatusCode));
                Assert.Contains($"redirects to http://127.0.0.1:{port}", e.Message);
                Assert.False(elsewhere.Pending(), "something connected to the host the redirect named");
            }
            finally
            {
                elsewhere.Stop();
            }
        }

        [Fact]
        public async Task AfterA429_AParallelListingFallsBackToOneRequestAtATime()
        {
            // 20 ms a page, so that pages started together really overlap.
            await using FakeApiScope big = await FakeApiScope.CreateAsync(new ScopeSettings { Count = 1000, Token = Token, Faults = new FaultSettings { LatencyMs = 20 } });
            var connection = Connection(baseUri: big.BaseUri);
            IListingLog log = Log;
            int inFlight = 0, maxBefore = 0, maxLate = 0;
            using var lister = new Lister<PhoneNumber>(Endpoints.PhoneNumbers, All(perPage: 20),
                async (page, perPage, onThrottled, token) =>
                {
                    int now = Interlocked.Increment(ref inFlight);
                    // Pages up to 7 may have been started before the 429 on page 3 was seen; later ones may not overlap.
                    if (page <= 3) maxBefore = Math.Max(maxBefore, now);
                    if (page > 7) maxLate = Math.Max(maxLate, now);
                    try
                    {
                        if (page == 3) onThrottled();
                        return await Client.GetPageAsync(connection, Endpoints.PhoneNumbers, new PhoneNumberQuery(), page, perPage, log, onThrottled, token);
                    }
                    finally { Interlocked.Decrement(ref inFlight); }
                },
                4, log, CancellationToken.None);
            int count = 0;
            while (await lister.NextAsync() is PageBatch<PhoneNumber> batch) count += batch.Items.Count;

            Assert.Equal(900, count);
            Assert.True(maxBefore > 1, "the listing never ran pages in parallel");
            Assert.Equal(1, maxLate);
            Assert.Contains(Verbose, v => v.Contains("one page at a time"));
        }
    }
}
