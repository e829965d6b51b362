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
            MhApiException e = await FailWithAsync(403,
                @"{""success"":false,""message"":""Purchase limit reached."",""data"":{""error"":""purchase_limit_reached"",""limit"":5,""current"":5}}");

            Assert.Equal("MhPermissionDenied", e.ErrorId);
            Assert.Equal("purchase_limit_reached", e.ApiErrorCode);
            Assert.Equal("Purchase limit reached.", e.ApiMessage);
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
