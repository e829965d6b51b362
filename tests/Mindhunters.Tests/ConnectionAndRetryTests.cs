using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Security;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    public class ConnectionTests
    {
        internal static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            return secure;
        }

        [Theory]
        [InlineData("acme")]
        [InlineData("a")]
        [InlineData("acme-eu-1")]
        public void ADnsLabel_IsASubdomain(string subdomain)
        {
            var connection = MhConnection.Create(subdomain, Secure("t0ken"), null, 100, TokenOrigin.ConnectMhAccount);
            Assert.Equal(new Uri($"https://{subdomain}.mindhunters.ai/api/v1/phone-numbers"), new Uri(connection.EndpointUri(Endpoints.PhoneNumbers.Path)));
        }

        [Theory]
        [InlineData("")]
        [InlineData("acme.evil.com")]
        [InlineData("-acme")]
        [InlineData("acme/x")]
        [InlineData("ac me")]
        public void AnythingButOneDnsLabel_IsRefused(string subdomain)
        {
            var e = Assert.Throws<ArgumentException>(() => MhConnection.Create(subdomain, Secure("t"), null, 100, TokenOrigin.ConnectMhAccount));
            Assert.Contains("DNS label", e.Message);
        }

        [Theory]
        [InlineData("https://api.example.com", "https://api.example.com/api/v1/phone-numbers")]
        [InlineData("https://proxy.example.com/mindhunters", "https://proxy.example.com/mindhunters/api/v1/phone-numbers")]
        [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/api/v1/phone-numbers")]
        [InlineData("http://localhost:5000/", "http://localhost:5000/api/v1/phone-numbers")]
        [InlineData("http://[::1]:5000", "http://[::1]:5000/api/v1/phone-numbers")]
        public void HttpsOrLoopbackHttp_IsAccepted(string baseUri, string expected)
        {
            var connection = MhConnection.Create("acme", Secure("t"), new Uri(baseUri), 100, TokenOrigin.ConnectMhAccount);
            Assert.Equal(new Uri(expected), new Uri(connection.EndpointUri(Endpoints.PhoneNumbers.Path)));
        }

        [Theory]
        [InlineData("http://acme.mindhunters.ai", "https")]
        [InlineData("http://10.0.0.5:8080", "https")]
        [InlineData("ftp://127.0.0.1", "https")]
        [InlineData("https://user:pass@acme.mindhunters.ai", "user name")]
        [InlineData("https://acme.mindhunters.ai/?x=1", "query")]
        public void OtherBaseUris_AreRefused(string baseUri, string reason)
        {
            var e = Assert.Throws<ArgumentException>(() => MhConnection.Create("acme", Secure("t"), new Uri(baseUri), 100, TokenOrigin.ConnectMhAccount));
            Assert.Contains(reason, e.Message);
        }

        [Fact]
        public void TheToken_AppearsOnlyInTheHeaderValue()
        {
            var connection = MhConnection.Create("acme", Secure("s3cr3t-token"), null, 100, TokenOrigin.ConnectMhAccount);
            Assert.Equal("Bearer s3cr3t-token", connection.CreateAuthorizationHeaderValue());
            Assert.DoesNotContain("s3cr3t", connection.ToString());
        }

        [Fact]
        public void TheEnvironment_GivesAConnection()
        {
            var variables = new Dictionary<string, string?>
            {
                ["MIHU_TENANT"] = "acme",
                ["MIHU_API_TOKEN"] = "env-token",
                ["MIHU_BASE_URI"] = "http://127.0.0.1:8080",
            };
            MhConnection connection = MhConnection.FromEnvironment(name => variables.TryGetValue(name, out string? v) ? v : null)!;
            Assert.Equal(("acme", TokenOrigin.Environment), (connection.Subdomain, connection.Origin));
            Assert.Equal(new Uri("http://127.0.0.1:8080/"), connection.BaseUri);
            Assert.Equal("Bearer env-token", connection.CreateAuthorizationHeaderValue());
        }

        [Fact]
        public void AHalfSetEnvironment_NamesWhatIsMissing()
        {
            var e = Assert.Throws<ArgumentException>(() => MhConnection.FromEnvironment(name => name == "MIHU_TENANT" ? "acme" : null));
            Assert.Contains("MIHU_API_TOKEN is not set", e.Message);
        }

        [Fact]
        public void NoConnectionAtAll_NamesBothWaysToConnect()
        {
            ConnectionStore.Clear();
            var e = Assert.Throws<MhApiException>(() => ConnectionStore.Resolve(_ => null));
            Assert.Equal("MhNotConnected", e.ErrorId);
            Assert.Contains("Connect-MhAccount", e.RecommendedAction);
            Assert.Contains("MIHU_TENANT", e.RecommendedAction);
        }
    }

    public class RetryPolicyTests
    {
        private readonly RetryPolicy _policy = RetryPolicy.Default;

        [Theory]
        [InlineData(408, true)]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(504, true)]
        [InlineData(400, false)]
        [InlineData(401, false)]
        [InlineData(404, false)]
        [InlineData(422, false)]
        [InlineData(501, false)]
        public void OnlyTransientStatuses_AreRetried(int status, bool retried)
        {
            Assert.Equal(retried, RetryPolicy.IsRetryableStatus(status));
        }

        [Fact]
        public void Backoff_Doubles_WithTwentyPercentJitter_AndA30SecondCap()
        {
            Assert.Equal(1.0, _policy.Backoff(1, 0.5).TotalSeconds, 3);
            Assert.Equal(2.0, _policy.Backoff(2, 0.5).TotalSeconds, 3);
            Assert.Equal(4.0, _policy.Backoff(3, 0.5).TotalSeconds, 3);
            Assert.Equal(0.8, _policy.Backoff(1, 0.0).TotalSeconds, 3);
            Assert.Equal(1.2, _policy.Backoff(1, 1.0).TotalSeconds, 3);
            Assert.Equal(30.0, _policy.Backoff(10, 0.5).TotalSeconds, 3);
        }

        [Fact]
        public void RetryAfter_IsHonouredWhenLonger_AndRefusedBeyond120Seconds()
        {
            Assert.Equal(TimeSpan.FromSeconds(7), _policy.Delay(1, TimeSpan.FromSeconds(7), 0.5));
            Assert.Equal(1.0, _policy.Delay(1, TimeSpan.FromSeconds(0), 0.5)!.Value.TotalSeconds, 3);
            Assert.Equal(TimeSpan.FromSeconds(120), _policy.Delay(1, TimeSpan.FromSeconds(120), 0.5));
            Assert.Null(_policy.Delay(1, TimeSpan.FromSeconds(121), 0.5));
        }

        [Fact]
        public void RetryAfter_IsReadAsSecondsOrAsAnHttpDate()
        {
            var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.ParseRetryAfter("5", now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.ParseRetryAfter("Thu, 26 Nov 2026 12:00:30 GMT", now));
            Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter("Thu, 26 Nov 2026 11:00:00 GMT", now));
            Assert.Null(RetryPolicy.ParseRetryAfter(null, now));
        }

        [Theory]
        [InlineData("99999999999")] // 3,170 years: a TimeSpan still holds it
        [InlineData("999999999999")] // 31,700 years: past TimeSpan.MaxValue (29,227 years)
        [InlineData("9223372036854775808")] // past long
        public void AHugeRetryAfter_IsTooLong_NeverAnOverflow(string seconds)
        {
            TimeSpan? wait = RetryPolicy.ParseRetryAfter(seconds, DateTimeOffset.UtcNow);
            Assert.True(wait > RetryPolicy.Default.MaxRetryAfter);
            Assert.Null(RetryPolicy.Default.Delay(1, wait, 0.5));
        }
    }
}
