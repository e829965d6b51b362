using System;
using System.Collections.Generic;
using Mindhunters.Api;
using Xunit;
using static Mindhunters.Tests.ConnectionTests;

namespace Mindhunters.Tests
{
    /// <summary>
    /// What a refused connection value says: where the value came from (a parameter or a MIHU_* variable), what is
    /// allowed, and never a token or the user info of a URI.
    /// </summary>
    public class ConnectionMessageTests
    {
        private static ArgumentException FromEnvironment(string tenant, string token = "env-token", string? baseUri = null)
        {
            var variables = new Dictionary<string, string?> { ["MIHU_TENANT"] = tenant, ["MIHU_API_TOKEN"] = token, ["MIHU_BASE_URI"] = baseUri };
            return Assert.Throws<ArgumentException>(() => MhConnection.FromEnvironment(name => variables.TryGetValue(name, out string? v) ? v : null));
        }

        private static ArgumentException FromParameters(string subdomain, string token = "t0ken", string? baseUri = null) =>
            Assert.Throws<ArgumentException>(() => MhConnection.Create(subdomain, Secure(token), baseUri is null ? null : new Uri(baseUri, UriKind.RelativeOrAbsolute), 100, TokenOrigin.ConnectMhAccount));

        [Fact]
        public void AHostNameInMihuTenant_NamesTheVariableAndTheLabelMeant()
        {
            ArgumentException e = FromEnvironment("acme.mindhunters.ai");
            Assert.StartsWith("MIHU_TENANT is 'acme.mindhunters.ai', which is not a workspace subdomain.", e.Message);
            Assert.EndsWith("Did you mean MIHU_TENANT=acme?", e.Message);
        }

        [Fact]
        public void AHostNameInSubdomain_NamesTheParameter_NotTheVariable()
        {
            ArgumentException e = FromParameters("https://acme.mindhunters.ai/");
            Assert.StartsWith("-Subdomain 'https://acme.mindhunters.ai/' is not a workspace subdomain.", e.Message);
            Assert.EndsWith("Did you mean -Subdomain acme?", e.Message);
            Assert.DoesNotContain("MIHU_", e.Message);
        }

        [Fact]
        public void AMihuBrandedHost_SaysHowToReachIt()
        {
            Assert.EndsWith("use -Subdomain acme -BaseUri https://acme.mihu.ai.", FromParameters("acme.mihu.ai").Message);
            Assert.EndsWith("set MIHU_TENANT=acme and MIHU_BASE_URI=https://acme.mihu.ai.", FromEnvironment("acme.mihu.ai").Message);
        }

        [Theory]
        [InlineData("t0ken\r\nX-Injected: yes")]
        [InlineData("t0ken\n")]
        [InlineData("t0k\ten")]
        [InlineData("t0ken\0")]
        public void AControlCharacterInTheToken_IsRefused_NamingWhereItCameFrom_NeverShowingIt(string token)
        {
            ArgumentException env = FromEnvironment("acme", token);
            Assert.Contains("MIHU_API_TOKEN contains a control character", env.Message);
            ArgumentException parameter = FromParameters("acme", token);
            Assert.Contains("-Token contains a control character", parameter.Message);
            foreach (ArgumentException e in new[] { env, parameter })
            {
                Assert.DoesNotContain("t0k", e.Message);
                Assert.DoesNotContain("Injected", e.Message);
            }
        }

        [Theory]
        [InlineData("http://acme.example.com", "must use https")]
        [InlineData("https://acme.mindhunters.ai/?x=1", "must not have a query")]
        [InlineData("not a uri", "not an absolute URI")]
        public void ABadMihuBaseUri_NamesTheVariable(string baseUri, string reason)
        {
            ArgumentException e = FromEnvironment("acme", baseUri: baseUri);
            Assert.StartsWith("MIHU_BASE_URI ", e.Message);
            Assert.Contains(reason, e.Message);
        }

        [Theory]
        [InlineData("http://alice:s3cret@example.com")]
        [InlineData("https://alice:s3cret@acme.mindhunters.ai")]
        [InlineData("ftp://alice:s3cret@127.0.0.1/")]
        [InlineData("http://alice:s3cret@exa mple.com")]
        [InlineData("alice:s3cret@example.com")]
        [InlineData("https://alice@acme.mindhunters.ai/api/v1")]
        public void NoPartOfUserInfo_AppearsInTheError(string baseUri)
        {
            var errors = new List<ArgumentException> { FromEnvironment("acme", baseUri: baseUri) };
            if (Uri.TryCreate(baseUri, UriKind.RelativeOrAbsolute, out Uri? parsed))
            {
                errors.Add(Assert.Throws<ArgumentException>(() => MhConnection.Create("acme", Secure("t"), parsed, 100, TokenOrigin.ConnectMhAccount)));
            }
            foreach (ArgumentException e in errors)
            {
                Assert.DoesNotContain("s3cret", e.Message);
                Assert.DoesNotContain("alice", e.Message);
            }
        }

        [Theory]
        [InlineData("https://acme.mindhunters.ai/api/v1", "https://acme.mindhunters.ai/")]
        [InlineData("https://acme.mindhunters.ai/api/v1/", "https://acme.mindhunters.ai/")]
        [InlineData("https://acme.mindhunters.ai/API/V1", "https://acme.mindhunters.ai/")]
        [InlineData("https://proxy.example.com/mh/api/v1", "https://proxy.example.com/mh/")]
        [InlineData("https://acme.mihu.ai", "https://acme.mihu.ai/")]
        public void ABaseUriWithOrWithoutApiV1_ReachesTheSameEndpoint(string baseUri, string expectedBase)
        {
            var connection = MhConnection.Create("acme", Secure("t"), new Uri(baseUri), 100, TokenOrigin.ConnectMhAccount);
            Assert.Equal(new Uri(expectedBase), connection.BaseUri);
            Assert.Equal(expectedBase + "api/v1/phone-numbers", connection.EndpointUri(Endpoints.PhoneNumbers.Path));
        }
    }
}
