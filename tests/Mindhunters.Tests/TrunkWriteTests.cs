using System;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// A trunk's writes as the engine sends them: only the values given, the SIP password in the body and nowhere else, the
    /// body zeroed once the write has ended, and server text that echoes the password blanked like the token.
    /// </summary>
    public sealed class TrunkWriteTests : FakeApiTestBase
    {
        private const string Password = "sip-Secret-8c1f42";
        private static readonly Guid SupportDesk = FakeData.Agents[1].Uuid;

        public TrunkWriteTests() : base("trunk-engine-token-3e7a")
        {
        }

        private static TrunkSettings Trunk(string? password = Password) => new TrunkSettings("+39 02 1234-5678", "call")
        {
            AgentUuid = SupportDesk,
            SipGateway = "sip.acme.com",
            SipPort = 5060,
            SipUsername = password is null ? null : "acme",
            SipPassword = password is null ? null : ConnectionTests.Secure(password),
        };

        [Fact]
        public void TheBody_HoldsOnlyTheValuesGiven()
        {
            string json = Encoding.UTF8.GetString(new TrunkSettings("+12125550100", "whatsapp") { SipGateway = "" }.ToJson(withAgent: true));

            Assert.Equal("{\"phone_number\":\"\\u002B12125550100\",\"channel\":\"whatsapp\",\"sip\":{\"gateway\":\"\"}}", json);
        }

        [Fact]
        public void APatch_NeverCarriesTheAgent_WhichMovesThroughAssign()
        {
            using JsonDocument patch = JsonDocument.Parse(Trunk().ToJson(withAgent: false));
            using JsonDocument post = JsonDocument.Parse(Trunk().ToJson(withAgent: true));

            Assert.False(patch.RootElement.TryGetProperty("agent_uuid", out _));
            Assert.Equal(SupportDesk.ToString(), post.RootElement.GetProperty("agent_uuid").GetString());
            Assert.Equal(Password, post.RootElement.GetProperty("sip").GetProperty("password").GetString());
        }

        [Fact]
        public void TheChangesForAPrompt_NeverShowThePassword()
        {
            string changes = string.Join(", ", Trunk().Changes());

            Assert.Contains("sip.password (not shown)", changes);
            Assert.DoesNotContain(Password, changes);
        }

        [Fact]
        public async Task TheBody_IsZeroedOnceTheWriteHasEnded_AfterItWasSent()
        {
            WriteRequest<PhoneNumberTrunk> request = PhoneNumberTrunks.Register(Trunk(), "demo");
            Assert.True(request.HoldsSecret);

            PhoneNumberTrunk? answer = await Client.WriteAsync(Connection(), request, Log, CancellationToken.None);

            Assert.Equal("Support Desk", answer!.CallAgentName);
            Assert.All(request.Body, b => Assert.Equal(0, b));
            Assert.Contains(Password, Server.Requests.Single().Body);
        }

        [Fact]
        public async Task TheBody_IsZeroedWhenTheWriteFails_Too()
        {
            Server.Faults = new FaultSettings { StatusOverride = 1, OverrideStatus = 422, OverrideBody = "{\"success\":false,\"message\":\"Invalid.\"}" };
            WriteRequest<PhoneNumberTrunk> request = PhoneNumberTrunks.Update(Trunk(), "demo");

            await Assert.ThrowsAsync<MhApiException>(() => Client.WriteAsync(Connection(), request, Log, CancellationToken.None));

            Assert.All(request.Body, b => Assert.Equal(0, b));
        }

        [Fact]
        public async Task ABodyWithoutASecret_IsLeftAsItIs_ForTheNextObjectThatSendsIt()
        {
            WriteRequest<PhoneNumberTrunk> request = PhoneNumberTrunks.Register(Trunk(password: null), "demo");

            await Client.WriteAsync(Connection(), request, Log, CancellationToken.None);

            Assert.False(request.HoldsSecret);
            Assert.Contains(request.Body, b => b != 0);
        }

        [Fact]
        public async Task ServerTextThatEchoesThePassword_IsBlanked_InEverySpellingTheTokenIsLookedFor()
        {
            string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Password));
            Server.Faults = new FaultSettings
            {
                StatusOverride = 1,
                OverrideStatus = 422,
                OverrideBody = "{\"success\":false,\"message\":\"Credential " + Password + " refused (" + base64 + ", " + Uri.EscapeDataString(Password).ToLowerInvariant() + ")\","
                    + "\"error\":{\"code\":\"VALIDATION_ERROR\",\"details\":\"password " + Password.ToUpperInvariant() + "\",\"field\":\"sip.password\"}}",
            };
            SecureString password = ConnectionTests.Secure(Password);
            MhConnection connection = Connection().WithSecrets(new[] { password });

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => Client.WriteAsync(connection, PhoneNumberTrunks.Register(Trunk(), "demo"), Log, CancellationToken.None));

            Assert.Equal("Credential *** refused (***, ***)", e.ApiMessage);
            Assert.Equal("password ***", e.ApiErrorDetails);
            Assert.DoesNotContain(Password, e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(base64, e.ToString());
        }

        [Fact]
        public void ASecretShorterThanFourCharacters_IsNotLookedFor_SoWordsStayReadable()
        {
            MhConnection connection = Connection().WithSecrets(new[] { ConnectionTests.Secure("at") });

            Assert.Equal("Number is at rest", ServerText.Clean("Number is at rest", connection));
            Assert.Equal("token *** leaked", ServerText.Clean("token trunk-engine-token-3e7a leaked", connection));
        }

        [Fact]
        public async Task TheRemoval_IsADeleteWithTheDigitsAndTheChannel_AndAnAnswerWithoutDataIsSuccess()
        {
            await Client.WriteAsync(Connection(), PhoneNumberTrunks.Register(Trunk(), "demo"), Log, CancellationToken.None);
            Server.ClearRequests();

            PhoneNumberTrunk? answer = await Client.WriteAsync(Connection(), PhoneNumberTrunks.Remove(Trunk(), "demo"), Log, CancellationToken.None);

            Assert.Null(answer);
            RecordedRequest delete = Server.Requests.Single();
            Assert.Equal(("DELETE", "/api/v1/phone-numbers/trunks", "phone_number=390212345678&channel=call"), (delete.Method, delete.Path, delete.Query));
            Assert.Null(delete.Body);
            Assert.Contains(Log.VerboseLines, line => line.StartsWith("DELETE ") && line.EndsWith(", no data"));
        }

        [Fact]
        public async Task AnAnswerAboutAnotherNumber_IsAnInvalidResponse()
        {
            Server.Faults = new FaultSettings { StatusOverride = 1, OverrideStatus = 200, OverrideBody = "{\"success\":true,\"data\":{\"number\":\"+15550001\"}}" };

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => Client.WriteAsync(Connection(), PhoneNumberTrunks.Update(Trunk(), "demo"), Log, CancellationToken.None));

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Contains("answered about +15550001 instead of +390212345678", e.Message);
        }
    }
}
