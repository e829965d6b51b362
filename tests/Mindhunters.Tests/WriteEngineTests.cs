using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.Api.Json;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The engine side of a write: the answer is checked, a POST is never sent twice once it may have reached the server,
    /// a 429 slows the writes that follow, and the rule that stops a command whose server keeps failing.
    /// </summary>
    public sealed class WriteEngineTests : FakeApiTestBase
    {
        private const string Token = "write-engine-token-77c1";
        private static readonly Guid Number1 = FakeData.Item(1).PhoneNumberUuid;

        public WriteEngineTests() : base(Token)
        {
        }

        private static WriteRequest<PhoneNumber> Request(HttpMethod method, Guid uuid) =>
            new WriteRequest<PhoneNumber>(method, ChannelSettingsChange.PathOf(uuid), new ChannelSettingsChange { SmsEnabled = false }.ToJson(),
                MindhuntersJsonContext.Default.PhoneNumberItemResponse, ApiOperation.Write("Updating phone number " + uuid, "Set-MhPhoneNumber", "Check the uuid."))
            {
                About = uuid,
                IdOf = number => number.PhoneNumberUuid,
            };

        private Task<PhoneNumber?> WriteAsync(WriteRequest<PhoneNumber> request, MhConnection? connection = null, WritePace? pace = null) =>
            Client.WriteAsync(connection ?? Connection(), request, Log, CancellationToken.None, pace);

        [Fact]
        public async Task AnAnswerAboutAnotherObject_IsAnInvalidResponse()
        {
            Guid other = Guid.NewGuid();
            Server.Faults = new FaultSettings { StatusOverride = 1, OverrideStatus = 200, OverrideBody = "{\"success\":true,\"data\":{\"phone_number_uuid\":\"" + other + "\"}}" };

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => WriteAsync(Request(HttpMethods.Patch, Number1)));

            Assert.Equal(("MhInvalidResponse", 200), (e.ErrorId, e.StatusCode));
            Assert.Contains(other.ToString(), e.Message);
            Assert.Contains(Number1.ToString(), e.Message);
        }

        /// <summary>
        /// Set-MhPhoneNumber without -PassThru reads the answer only as far as the checks go: each answer below passes or
        /// fails them exactly as the whole answer read for -PassThru does (a uuid nested deeper is not the number's).
        /// </summary>
        [Theory]
        [InlineData("{\"success\":true,\"data\":{\"status\":\"active\",\"channel_settings\":{\"sms\":{\"enabled\":false}},\"phone_number_uuid\":\"ABOUT\",\"bindings\":[1,{\"a\":[2]}]}}", "ok")]
        [InlineData("{\"data\":{\"phone_number_uuid\":\"OTHER\",\"phone_number_uuid\":\"ABOUT\"},\"success\":true}", "ok")]
        [InlineData("{\"success\":true,\"data\":{\"phone\\u005fnumber_uuid\":\"ABOUT\"}}", "ok")]
        [InlineData("{\"success\":true,\"data\":{\"bindings\":{\"phone_number_uuid\":\"ABOUT\"},\"phone_number_uuid\":\"OTHER\"}}", "MhInvalidResponse")]
        [InlineData("{\"success\":true,\"data\":{\"phone_number_uuid\":\"ABOUT\",\"phone_number_uuid\":\"OTHER\"}}", "MhInvalidResponse")]
        [InlineData("{\"success\":true,\"data\":{\"Phone_Number_Uuid\":\"ABOUT\"}}", "MhInvalidResponse")]
        [InlineData("{\"success\":true,\"data\":{\"phone_number_uuid\":{\"id\":\"ABOUT\"}}}", "MhInvalidResponse")]
        [InlineData("{\"success\":true,\"data\":\"ABOUT\"}", "MhInvalidResponse")]
        [InlineData("{\"success\":true}", "MhInvalidResponse")]
        [InlineData("{\"success\":\"false\",\"message\":\"locked\",\"data\":{\"phone_number_uuid\":\"ABOUT\"}}", "MhRequestRefused")]
        [InlineData("{\"success\":true,\"data\":{\"phone_number_uuid\":\"ABOUT\"", "MhInvalidResponse")]
        public async Task AnAnswerReadOnlyForItsChecks_PassesOrFailsThemAsTheWholeAnswerDoes(string body, string outcome)
        {
            Guid other = Guid.NewGuid();
            Server.Faults = new FaultSettings { StatusOverride = 2, OverrideStatus = 200, OverrideBody = body.Replace("ABOUT", Number1.ToString()).Replace("OTHER", other.ToString()) };
            byte[] change = new ChannelSettingsChange { SmsEnabled = false }.ToJson();

            async Task<string> Outcome(bool answerShown)
            {
                try
                {
                    PhoneNumber? answer = await WriteAsync(ChannelSettingsChange.Request(Number1, change, Number1.ToString(), "acme", answerShown));
                    Assert.Equal(Number1, answer!.PhoneNumberUuid);
                    return "ok";
                }
                catch (MhApiException e)
                {
                    return e.ErrorId;
                }
            }

            Assert.Equal(outcome, await Outcome(answerShown: true));
            Assert.Equal(outcome, await Outcome(answerShown: false));
        }

        [Fact]
        public async Task AnAnswerReadOnlyForItsChecks_GivesTheNumberWithItsUuidOnly_AndAShownOneWhole()
        {
            byte[] change = new ChannelSettingsChange { SmsEnabled = false }.ToJson();

            PhoneNumber? checkedOnly = await WriteAsync(ChannelSettingsChange.Request(Number1, change, Number1.ToString(), "acme", answerShown: false));
            PhoneNumber? shown = await WriteAsync(ChannelSettingsChange.Request(Number1, change, Number1.ToString(), "acme", answerShown: true));

            Assert.Equal((Number1, (string?)null, (bool?)null), (checkedOnly!.PhoneNumberUuid, checkedOnly.Number, checkedOnly.SmsEnabled));
            Assert.Equal((Number1, FakeData.Item(1).Number, (bool?)false), (shown!.PhoneNumberUuid, shown.Number, shown.SmsEnabled));
        }

        [Fact]
        public async Task SuccessFalse_InA200_IsARefusal_WithTheApisMessage()
        {
            Server.Faults = new FaultSettings { StatusOverride = 1, OverrideStatus = 200, OverrideBody = "{\"success\":false,\"message\":\"Number is locked \\u001b]0;x\\u0007by " + Token + ".\"}" };

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => WriteAsync(Request(HttpMethods.Patch, Number1)));

            Assert.Equal(("MhRequestRefused", 200), (e.ErrorId, e.StatusCode));
            Assert.Equal("Number is locked by ***.", e.ApiMessage);
            Assert.Contains("The API said: Number is locked by ***.", e.Message);
            Assert.Single(Server.Requests);
        }

        [Theory]
        [InlineData(204)]
        [InlineData(202)]
        [InlineData(200)]
        public async Task AnAnswerWithoutABody_IsSuccess_WithNothingToReturn(int status)
        {
            Server.Faults = new FaultSettings { StatusOverride = 1, OverrideStatus = status, OverrideBody = "" };

            PhoneNumber? answer = await WriteAsync(Request(HttpMethods.Patch, Number1));

            Assert.Null(answer);
            Assert.Contains(Log.VerboseLines, line => line.Contains($"-> {status}") && line.Contains("no body"));
        }

        private MhConnection Hostile(string mode, int timeoutSec = 100) => Connection(timeoutSec: timeoutSec, baseUri: new Uri(Server.BaseUri, $"hostile/{mode}/"));

        [Fact]
        public async Task APost_IsNotSentAgain_AfterA5xx()
        {
            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => WriteAsync(Request(HttpMethod.Post, Number1), Hostile("always-503")));

            Assert.Equal("MhServiceUnavailable", e.ErrorId);
            Assert.Single(Server.Requests);
            Assert.Empty(Waits);
            Assert.Contains("not sent again", e.Message);
        }

        [Fact]
        public async Task APost_IsSentAgain_AfterA429_WhichTheServerAnsweredBeforeDoingAnything()
        {
            PhoneNumber? answer = await WriteAsync(Request(HttpMethod.Post, Number1), Hostile("429-then-204"));

            Assert.Null(answer);
            Assert.Equal(new[] { 429, 204 }, Server.Requests.Select(r => r.Status));
            Assert.Single(Waits);
        }

        [Fact]
        public async Task APost_ThatTimesOut_IsNotSentAgain_WhileAPatchIs()
        {
            MhConnection stalled = Hostile("stall-200", timeoutSec: 1);

            MhApiException post = await Assert.ThrowsAsync<MhApiException>(() => WriteAsync(Request(HttpMethod.Post, Number1), stalled));
            Assert.Equal("MhTimeout", post.ErrorId);
            Assert.Single(Server.Requests);

            Server.ClearRequests();
            MhApiException patch = await Assert.ThrowsAsync<MhApiException>(() => WriteAsync(Request(HttpMethods.Patch, Number1), stalled));
            Assert.Equal("MhTimeout", patch.ErrorId);
            Assert.Equal(2, Server.Requests.Count);
        }

        [Fact]
        public async Task APost_IsSentAgain_WhenTheConnectionWasRefused()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            MhConnection closed = Connection(baseUri: new Uri($"http://127.0.0.1:{port}/"));

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => WriteAsync(Request(HttpMethod.Post, Number1), closed));

            Assert.Equal("MhConnectionFailed", e.ErrorId);
            Assert.Equal(RetryPolicy.Default.MaxRetries, Waits.Count);
        }

        [Fact]
        public async Task A429_SlowsEveryWriteThatFollows()
        {
            Server.Faults = new FaultSettings { Fail429 = 1, RetryAfter = "3" };
            var pace = new WritePace();

            await WriteAsync(Request(HttpMethods.Patch, Number1), pace: pace);
            await WriteAsync(Request(HttpMethods.Patch, FakeData.Item(2).PhoneNumberUuid), pace: pace);
            await WriteAsync(Request(HttpMethods.Patch, FakeData.Item(3).PhoneNumberUuid), pace: pace);

            // The retry of the first waits as asked; each later write waits as long before it is sent.
            Assert.Equal(new[] { 3.0, 3.0, 3.0 }, Waits.Select(w => w.TotalSeconds));
            Assert.Equal(new[] { 429, 200, 200, 200 }, Server.Requests.Select(r => r.Status));
            Assert.Contains(Log.VerboseLines, line => line.Contains("the server throttled this command"));
        }

        private static MhApiException Failure(MhErrorKind kind, int? status = null) => new MhApiException(kind, "failed", "action") { StatusCode = status };

        [Theory]
        [InlineData(MhErrorKind.Authentication)]
        [InlineData(MhErrorKind.PermissionDenied)]
        public void AnAuthenticationOrPermissionFailure_StopsAtOnce(MhErrorKind kind)
        {
            Assert.True(new WriteStopRule().StopsAfter(Failure(kind)));
        }

        [Theory]
        [InlineData(MhErrorKind.ServiceUnavailable)]
        [InlineData(MhErrorKind.Timeout)]
        [InlineData(MhErrorKind.Throttled)]
        [InlineData(MhErrorKind.Connection)]
        [InlineData(MhErrorKind.InvalidResponse)]
        public void ThreeServerFailuresInARow_ForTheSameReason_Stop(MhErrorKind kind)
        {
            var rule = new WriteStopRule();

            Assert.False(rule.StopsAfter(Failure(kind)));
            Assert.False(rule.StopsAfter(Failure(kind)));
            Assert.True(rule.StopsAfter(Failure(kind)));
        }

        [Fact]
        public void ASuccess_OrAnotherReason_StartsTheCountAgain()
        {
            var rule = new WriteStopRule();

            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
            rule.Succeeded();
            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
            Assert.False(rule.StopsAfter(Failure(MhErrorKind.Timeout)));
            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
        }

        [Theory]
        [InlineData(MhErrorKind.NotFound)]
        [InlineData(MhErrorKind.InvalidArgument)]
        [InlineData(MhErrorKind.Refused)]
        public void RefusalsOfOneRequest_NeverStop_AndBreakARunOfServerFailures(MhErrorKind kind)
        {
            var rule = new WriteStopRule();

            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
            for (int i = 0; i < 10; i++) Assert.False(rule.StopsAfter(Failure(kind)));
            Assert.False(rule.StopsAfter(Failure(MhErrorKind.ServiceUnavailable)));
        }
    }
}
