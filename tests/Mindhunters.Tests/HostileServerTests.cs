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
    /// The engine against servers that try to break its promises (the fake API's /hostile/{mode}/ base paths):
    /// no hang, no memory bomb, no token in any text, no endless loop.
    /// </summary>
    public sealed class HostileServerTests : FakeApiTestBase
    {
        private const string Token = "hostile-secret-token-4f9a2c7e";

        // A hang must fail the test, not the test run; no test here comes near it when the promise holds.
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        public HostileServerTests() : base(Token)
        {
        }

        private MhConnection Hostile(string mode, int timeoutSec = 100) => Connection(timeoutSec: timeoutSec, baseUri: new Uri(Server.BaseUri, $"hostile/{mode}/"));

        private async Task<MhApiException> FailsAsync(string mode, int timeoutSec = 100, List<PhoneNumber>? written = null, CancellationToken cancellationToken = default)
        {
            Task<MhApiException> listing = Assert.ThrowsAsync<MhApiException>(() => ListAsync(All(), connection: Hostile(mode, timeoutSec), written: written, cancellationToken: cancellationToken));
            Assert.Same(listing, await Task.WhenAny(listing, Task.Delay(HangGuard)));
            return await listing;
        }

        [Fact]
        public async Task AStalledErrorBody_EndsWithTheStatusError_WhenTheAttemptTimesOut()
        {
            MhApiException e = await FailsAsync("stall-401", timeoutSec: 1);

            Assert.Equal(("MhAuthenticationFailed", 401), (e.ErrorId, e.StatusCode));
            Assert.Single(Server.Requests);
        }

        [Fact]
        public async Task AStalledErrorBody_GivesWayToCancellation()
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Task listing = ListAsync(All(), connection: Hostile("stall-401"), cancellationToken: cancel.Token);

            Assert.Same(listing, await Task.WhenAny(listing, Task.Delay(HangGuard)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
        }

        [Fact]
        public async Task AStalledPage_IsRetriedOnce_NotThreeTimes()
        {
            MhApiException e = await FailsAsync("stall-200", timeoutSec: 1);

            Assert.Equal("MhTimeout", e.ErrorId);
            Assert.Equal(2, Server.Requests.Count);
            Assert.Single(Waits);
        }

        [Theory]
        [InlineData("gzip-bomb")]
        [InlineData("deflate-bomb")]
        [InlineData("endless")]
        public async Task ABodyThatInflatesWithoutEnd_StopsAtTheCeiling(string mode)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);

            MhApiException e = await FailsAsync(mode);

            long allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - before) / (1024 * 1024);
            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("larger than the 32 MiB", e.Message);
            Assert.Single(Server.Requests);
            // Unbounded, the same server took gigabytes within seconds.
            Assert.InRange(allocatedMb, 0, 400);
        }

        [Fact]
        public async Task APageWithAMillionItems_EndsAtTheItemsAskedFor()
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);

            MhApiException e = await FailsAsync("many-items");

            long allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - before) / (1024 * 1024);
            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("more than 100 phone numbers on a page of 100", e.Message);
            Assert.InRange(allocatedMb, 0, 200);
        }

        [Fact]
        public async Task ACorruptGzipBody_IsAnInvalidResponse()
        {
            MhApiException e = await FailsAsync("corrupt-gzip");

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("compressed body is corrupt", e.Message);
            Assert.IsNotType<System.IO.InvalidDataException>(e);
        }

        [Theory]
        [InlineData("echo-message", "MhInvalidResponse")]
        [InlineData("echo-reason", "MhAuthenticationFailed")]
        [InlineData("echo-reason-503", "MhServiceUnavailable")]
        [InlineData("echo-location", "MhRedirectRefused")]
        [InlineData("echo-data-error", "MhAuthenticationFailed")]
        [InlineData("echo-html", "MhServiceUnavailable")]
        public async Task ATokenEchoedByTheServer_ReachesNoText(string mode, string errorId)
        {
            MhApiException e = await FailsAsync(mode);

            Assert.Equal(errorId, e.ErrorId);
            string[] texts = new[] { e.ToString(), e.RecommendedAction, e.ApiMessage ?? "", e.ApiErrorDetails ?? "" }.Concat(Log.All).ToArray();
            foreach (string text in texts)
            {
                // Not the token, nor its first characters (an excerpt cut before redaction used to leave those).
                Assert.DoesNotContain(Token.Substring(0, 8), text);
                Assert.DoesNotContain(Uri.EscapeDataString(Token).Substring(0, 8), text);
            }
            Assert.DoesNotContain("mallory", e.Message);
        }

        [Fact]
        public async Task TerminalEscapes_AndBidiControls_AreStrippedFromServerText()
        {
            MhApiException e = await FailsAsync("escapes");

            Assert.Equal("MhAuthenticationFailed", e.ErrorId);
            Assert.Equal("INVALID_AUTH_TOKEN", e.ApiErrorCode);
            Assert.Equal("Unauthenticated.", e.ApiMessage);
            foreach (string text in new[] { e.Message, e.ApiErrorDetails ?? "" })
            {
                Assert.DoesNotContain(text, c => char.IsControl(c) || c == '\u202E');
                Assert.DoesNotContain("pwned", text);
                Assert.DoesNotContain("ZXZpbA", text);
            }
        }

        [Fact]
        public async Task AServerThatIgnoresThePage_AndSendsItemsWithoutUuids_EndsWithinAHandfulOfRequests()
        {
            var written = new List<PhoneNumber>();

            MhApiException e = await FailsAsync("same-page", written: written);

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("page 2 is the same as page 1", e.Message);
            Assert.InRange(Server.Requests.Count, 2, 3);
            Assert.Equal(3, written.Count);
        }

        [Theory]
        [InlineData("retry-after-99999999999")]
        [InlineData("retry-after-2147483648")]
        public async Task ARetryAfterPastTheCap_FailsAtOnce_HoweverLarge(string mode)
        {
            MhApiException e = await FailsAsync(mode);

            Assert.Equal(("MhThrottled", 429), (e.ErrorId, e.StatusCode));
            Assert.Single(Server.Requests);
            Assert.Empty(Waits);
        }

        [Fact]
        public async Task ATotalOf2Pow63_DoesNotOverflowIntoAFalseError()
        {
            (List<PhoneNumber> items, _) = await ListAsync(All(), connection: Hostile("huge-total"));

            Assert.Equal(2, items.Count);
        }

        [Fact]
        public async Task AHugeResponseHeader_IsAnInvalidResponse_NotAnUnreachableHost()
        {
            MhApiException e = await FailsAsync("big-header");

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.DoesNotContain("could not reach", e.Message);
            Assert.Single(Server.Requests);
        }
    }
}
