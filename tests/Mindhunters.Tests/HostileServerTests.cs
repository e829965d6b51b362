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
    [Collection(MeasuredAloneCollection.Name)]
    public sealed class HostileServerTests : FakeApiTestBase
    {
        private const string Token = "hostile-secret-token-4f9a2c7e";

        // A hang must fail the test, not the test run; no test here comes near it when the promise holds.
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        public HostileServerTests() : base(Token)
        {
        }

        /// <summary>Bytes allocated by the process so far; null on .NET Framework, which cannot count them (the bound is then checked on .NET only).</summary>
        private static long? AllocatedBytes()
        {
#if NET
            return GC.GetTotalAllocatedBytes(precise: true);
#else
            return null;
#endif
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
        [InlineData("endless")]
        public async Task ABodyThatInflatesWithoutEnd_StopsAtTheCeiling(string mode)
        {
            long? before = AllocatedBytes();

            MhApiException e = await FailsAsync(mode);

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("larger than the 32 MiB", e.Message);
            Assert.Single(Server.Requests);
            // Unbounded, the same server took gigabytes within seconds.
            if (before is long start) Assert.InRange((AllocatedBytes()!.Value - start) / (1024 * 1024), 0, 400);
        }

        [Fact]
        public async Task AnErrorBodyThatInflatesWithoutEnd_CostsNoMoreThanItsExcerpt()
        {
            long? before = AllocatedBytes();

            MhApiException e = await FailsAsync("gzip-bomb-401");

            Assert.Equal(("MhAuthenticationFailed", 401), (e.ErrorId, e.StatusCode));
            Assert.Single(Server.Requests);
            // The error body is read into one buffer of 64 KB; inflated whole, it would be 64 MiB.
            if (before is long start) Assert.InRange((AllocatedBytes()!.Value - start) / (1024 * 1024), 0, 16);
        }

        /// <summary>"deflate" as .NET sends and reads it (zlib-wrapped); Mono reads only raw deflate.</summary>
        [NetworkStackFact]
        public Task ADeflateBomb_StopsAtTheCeiling() => ABodyThatInflatesWithoutEnd_StopsAtTheCeiling("deflate-bomb");

        [Fact]
        public async Task APageWithAMillionItems_EndsAtTheItemsAskedFor()
        {
            long? before = AllocatedBytes();

            MhApiException e = await FailsAsync("many-items");

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("more than 100 phone numbers on a page of 100", e.Message);
            if (before is long start) Assert.InRange((AllocatedBytes()!.Value - start) / (1024 * 1024), 0, 200);
        }

        [NetworkStackFact]
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

        /// <summary>A write (Set-MhPhoneNumber's PATCH) goes through the same attempt loop: the same promises hold.</summary>
        private async Task<PhoneNumber> WriteAsync(string mode, int timeoutSec = 100, CancellationToken cancellationToken = default) =>
            (await Client.WriteAsync(Hostile(mode, timeoutSec), new WriteRequest<PhoneNumber>(HttpMethods.Patch, ChannelSettingsChange.PathOf(Guid.NewGuid()),
                new ChannelSettingsChange { SmsEnabled = false }.ToJson(), Mindhunters.Api.Json.MindhuntersJsonContext.Default.PhoneNumberItemResponse,
                ApiOperation.Write("Updating phone number", "Set-MhPhoneNumber", "Check the uuid.")), Log, cancellationToken))!;

        [Fact]
        public async Task AWrite_ToAStalledServer_EndsAtTheTimeout_AndGivesWayToCancellation()
        {
            Task<PhoneNumber> timedOut = WriteAsync("stall-401", timeoutSec: 1);
            Assert.Same(timedOut, await Task.WhenAny(timedOut, Task.Delay(HangGuard)));
            Assert.Equal("MhAuthenticationFailed", (await Assert.ThrowsAsync<MhApiException>(() => timedOut)).ErrorId);

            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Task<PhoneNumber> cancelled = WriteAsync("stall-200", cancellationToken: cancel.Token);
            Assert.Same(cancelled, await Task.WhenAny(cancelled, Task.Delay(HangGuard)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        [Theory]
        [InlineData("echo-message", "MhInvalidResponse")]
        [InlineData("echo-reason", "MhAuthenticationFailed")]
        [InlineData("echo-data-error", "MhAuthenticationFailed")]
        public async Task AWrite_WhoseAnswerEchoesTheToken_ShowsItNowhere(string mode, string errorId)
        {
            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => WriteAsync(mode));

            Assert.Equal(errorId, e.ErrorId);
            foreach (string text in new[] { e.ToString(), e.ApiMessage ?? "" }.Concat(Log.All)) Assert.DoesNotContain(Token.Substring(0, 8), text);
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
        [InlineData("retry-after-999999999999")]
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

        [NetworkStackFact]
        public async Task AHugeResponseHeader_IsAnInvalidResponse_NotAnUnreachableHost()
        {
            MhApiException e = await FailsAsync("big-header");

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.DoesNotContain("could not reach", e.Message);
            Assert.Single(Server.Requests);
        }
    }
}
