using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    public class E164Tests
    {
        [Theory]
        [InlineData("+4915", "4915")]
        [InlineData("+49 15", "4915")]
        [InlineData(" 4915 ", "4915")]
        [InlineData("+1 (212) 555-0100", "12125550100")]
        [InlineData("1.212.555.0100", "12125550100")]
        [InlineData("+44\u00a07700 900123", "447700900123")]
        public void Digits_DropTheLeadingPlusAndTheSeparatorsPeopleWrite(string given, string digits)
        {
            Assert.Null(E164.Problem(given, "number"));
            Assert.Equal(digits, E164.Digits(given));
        }

        [Theory]
        [InlineData("", "no digits")]
        [InlineData("+", "no digits")]
        [InlineData("DE", "only digits")]
        [InlineData("49-15x", "only digits")]
        [InlineData("++4915", "only digits")]
        [InlineData("49+15", "only digits")]
        [InlineData("0301234567", "country code")]
        [InlineData("1234567890123456", "15 digits")]
        public void Problem_SaysWhatIsWrong(string given, string said)
        {
            string? problem = E164.Problem(given, "prefix");
            Assert.NotNull(problem);
            Assert.Contains(said, problem);
            Assert.Contains("prefix", problem);
        }

        [Fact]
        public void RateQuery_SendsThePrefixAsDigits()
        {
            Assert.Equal("page=1&per_page=200&prefix=4915", QueryString.Of(1, 200, new PhoneNumberRateQuery { Prefix = "+49 15" }));
        }
    }
}
