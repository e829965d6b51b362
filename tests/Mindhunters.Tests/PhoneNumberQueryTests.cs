using System;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    public class PhoneNumberQueryTests
    {
        [Fact]
        public void NoFilters_SendsOnlyPageAndPerPage()
        {
            Assert.Equal("page=1&per_page=100", QueryString.Of(1, 100, new PhoneNumberQuery()));
        }

        [Fact]
        public void EveryFilter_UsesTheApiNames_AndUpperCasesTheCountry()
        {
            var agent = Guid.Parse("3c90c3cc-0d44-4b50-8888-8dd25736052a");
            var query = new PhoneNumberQuery
            {
                Status = "Active",
                CountryCode = "us",
                Type = "toll_free",
                Compliance = "requirement_pending",
                Search = "+1 208",
                BoundToAgentUuid = agent,
                Sort = "monthly_fee",
                IncludeExternal = true,
            };
            Assert.Equal(
                "page=3&per_page=50&status=active&country_code=US&type=toll_free&compliance=requirement_pending" +
                "&search=%2B1%20208&bound_to_agent_uuid=3c90c3cc-0d44-4b50-8888-8dd25736052a&sort=monthly_fee&include_external=true",
                QueryString.Of(3, 50, query));
        }

        [Theory]
        [InlineData(null, "page=1&per_page=10")]
        [InlineData(true, "page=1&per_page=10&include_external=true")]
        [InlineData(false, "page=1&per_page=10&include_external=false")]
        public void IncludeExternal_IsSentOnlyWhenGiven(bool? include, string expected)
        {
            Assert.Equal(expected, QueryString.Of(1, 10, new PhoneNumberQuery { IncludeExternal = include }));
        }
    }
}
