using System;
using System.Collections.Generic;
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
}
