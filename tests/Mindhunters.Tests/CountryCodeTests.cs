using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>-CountryCode accepts only codes ISO 3166-1 assigns: anything else would list nothing, silently.</summary>
    public class CountryCodeTests
    {
        [Theory]
        [InlineData("US")]
        [InlineData("us")]
        [InlineData("Gb")]
        [InlineData("DE")]
        public void AnAssignedCode_InAnyCase_IsAccepted(string code) => Assert.Null(CountryCodes.Problem(code));

        [Theory]
        [InlineData("uk", "did you mean GB (United Kingdom)?")]
        [InlineData("UK", "did you mean GB (United Kingdom)?")]
        [InlineData("el", "did you mean GR (Greece)?")]
        [InlineData("USA", "did you mean US (United States)?")]
        [InlineData("deu", "did you mean DE (Germany)?")]
        [InlineData("GBR", "did you mean GB (United Kingdom)?")]
        public void TheUsualSlips_SayWhichCodeIsMeant(string code, string hint)
        {
            Assert.EndsWith(hint, CountryCodes.Problem(code));
        }

        [Theory]
        [InlineData("xx")]
        [InlineData("ZZ")]
        [InlineData("EU")]
        public void AWellFormedCodeOfNoCountry_IsRefused(string code)
        {
            string? problem = CountryCodes.Problem(code);
            Assert.NotNull(problem);
            Assert.Contains("not an ISO 3166-1 country code", problem);
            Assert.DoesNotContain("did you mean", problem);
        }

        [Theory]
        [InlineData("usx")]
        [InlineData("u")]
        [InlineData("")]
        [InlineData("1A")]
        public void NotTwoLetters_IsRefused(string code)
        {
            Assert.Contains("not a two-letter ISO 3166-1 country code", CountryCodes.Problem(code));
        }
    }
}
