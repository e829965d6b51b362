using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.FakeApi;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The API's error page documents {"success":false,"message",...,"error":{"code","details","field"}}; older endpoints
    /// put their code or message in data.error. Both reach the error message and MhApiException, so a script can branch
    /// on the code.
    /// </summary>
    public sealed class ErrorEnvelopeTests : FakeApiTestBase
    {
        public ErrorEnvelopeTests() : base("envelope-token-5e1d")
        {
        }

        private async Task<MhApiException> FailWithAsync(int status, string body)
        {
            Server.Faults = new FaultSettings { StatusOverride = 1, OverrideStatus = status, OverrideBody = body };
            return await Assert.ThrowsAsync<MhApiException>(() => ListAsync(All()));
        }

        [Fact]
        public async Task TheDocumentedEnvelope_GivesCodeAndDetails()
        {
            MhApiException e = await FailWithAsync(401,
                @"{""success"":false,""message"":""Invalid authentication token"",""error"":{""code"":""INVALID_AUTH_TOKEN"",""details"":""The provided token is invalid or has been revoked""}}");

            Assert.Equal("MhAuthenticationFailed", e.ErrorId);
            Assert.Equal("INVALID_AUTH_TOKEN", e.ApiErrorCode);
            Assert.Equal("The provided token is invalid or has been revoked", e.ApiErrorDetails);
            Assert.Null(e.ApiErrorField);
            Assert.Equal("Invalid authentication token", e.ApiMessage);
            Assert.Contains("The API said: Invalid authentication token (code INVALID_AUTH_TOKEN: The provided token is invalid or has been revoked)", e.Message);
        }

        [Fact]
        public async Task AValidationError_NamesTheField()
        {
            MhApiException e = await FailWithAsync(422,
                @"{""success"":false,""message"":""The given data was invalid."",""error"":{""code"":""VALIDATION_ERROR"",""details"":""must be at least 0"",""field"":""channel_settings.voice.channel_limit""}}");

            Assert.Equal("MhInvalidArgument", e.ErrorId);
            Assert.Equal(("VALIDATION_ERROR", "channel_settings.voice.channel_limit"), (e.ApiErrorCode, e.ApiErrorField));
            Assert.Contains("(code VALIDATION_ERROR; field channel_settings.voice.channel_limit: must be at least 0)", e.Message);
        }

        [Fact]
        public async Task AnOlderEndpointsCodeInDataError_IsTheCode()
        {
            MhApiException e = await FailWithAsync(409,
                @"{""success"":false,""message"":""Webhook limit reached."",""data"":{""error"":""webhook_limit_reached""}}");

            Assert.Equal("MhHttpError", e.ErrorId);
            Assert.Equal("webhook_limit_reached", e.ApiErrorCode);
            Assert.Equal("Webhook limit reached.", e.ApiMessage);
        }

        [Theory]
        [InlineData(@"{""success"":false,""message"":""Purchase limit reached."",""data"":{""error"":""purchase_limit_reached"",""limit"":5,""current"":5}}", "limit 5, current 5")]
        [InlineData(@"{""success"":false,""message"":""Purchase limit reached."",""data"":{""error"":""purchase_limit_reached""},""limit"":3,""current"":4}", "limit 3, current 4")]
        [InlineData(@"{""success"":false,""data"":{""error"":""purchase_limit_reached"",""limit"":""10""}}", "limit 10, current not given")]
        [InlineData(@"{""success"":false,""data"":{""error"":""purchase_limit_reached""}}", "the API did not say the limit")]
        public async Task ThePurchaseCap_IsAnErrorOfItsOwn_ThatShowsTheLimitAndTheCurrentCount(string body, string shown)
        {
            MhApiException e = await FailWithAsync(403, body);

            Assert.Equal("MhPurchaseLimitReached", e.ErrorId);
            Assert.Equal("purchase_limit_reached", e.ApiErrorCode);
            Assert.Contains("has reached its limit of phone number purchases (" + shown + "); nothing was bought.", e.Message);
        }

        [Fact]
        public async Task Another403_IsStillAMissingPermission()
        {
            MhApiException e = await FailWithAsync(403, @"{""success"":false,""message"":""Forbidden."",""data"":{""error"":""not_allowed"",""limit"":1}}");

            Assert.Equal("MhPermissionDenied", e.ErrorId);
        }

        [Fact]
        public async Task LaravelValidationErrors_GiveTheFirstField()
        {
            MhApiException e = await FailWithAsync(422,
                @"{""success"":false,""message"":""The given data was invalid."",""data"":{""error"":""The selected status is invalid."",""errors"":{""status"":[""The selected status is invalid.""]}}}");

            Assert.Equal("status", e.ApiErrorField);
            Assert.Null(e.ApiErrorCode);
            Assert.Equal("The given data was invalid. (The selected status is invalid.)", e.ApiMessage);
        }

        [Fact]
        public async Task AnObjectInDataError_IsShownAsWords_NotAsJson()
        {
            MhApiException e = await FailWithAsync(400, @"{""success"":false,""message"":""Bad request."",""data"":{""error"":{""reason"":""per_page \u0074oo large"",""max"":100}}}");

            Assert.Equal("Bad request. (reason: per_page too large, max: 100)", e.ApiMessage);
            Assert.DoesNotContain("{", e.Message);
        }
    }
}
