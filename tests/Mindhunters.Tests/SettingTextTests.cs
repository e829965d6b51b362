using System;
using System.Collections.Generic;
using System.Text;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>Settings as a spreadsheet row or a command line holds them: text converted, an empty cell not given.</summary>
    public class SettingTextTests
    {
        [Theory]
        [InlineData("true", true)]
        [InlineData(" TRUE ", true)]
        [InlineData("False", false)]
        [InlineData("1", true)]
        [InlineData("0", false)]
        [InlineData("yes", true)]
        [InlineData("No", false)]
        [InlineData("$false", false)]
        public void Boolean_FromText(string text, bool expected)
        {
            SettingValue<bool> read = SettingText.Boolean(text);
            Assert.True(read.IsUsable);
            Assert.Equal(expected, read.Value);
        }

        [Fact]
        public void Boolean_FromTypedValues()
        {
            Assert.True(SettingText.Boolean(true).Value);
            Assert.False(SettingText.Boolean(0).Value);
            Assert.True(SettingText.Boolean(1L).IsUsable);
            Assert.NotNull(SettingText.Boolean(2).Problem);
        }

        [Theory]
        [InlineData("maybe")]
        [InlineData("2")]
        [InlineData("on")]
        public void Boolean_RefusesWhatIsNotOne(string text)
        {
            SettingValue<bool> read = SettingText.Boolean(text);
            Assert.True(read.IsGiven);
            Assert.Equal($"'{text}' is not true or false (also 1 or 0, yes or no)", read.Problem);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        public void AnEmptyCell_IsNotGiven_NotFalseOrZeroOrAnEmptyList(string? cell)
        {
            Assert.False(SettingText.Boolean(cell).IsGiven);
            Assert.False(SettingText.ChannelLimit(cell).IsGiven);
            Assert.False(SettingText.Destinations(cell).IsGiven);
        }

        [Theory]
        [InlineData("7", 7)]
        [InlineData(" 12 ", 12)]
        [InlineData("0", 0)]
        public void ChannelLimit_FromText(string text, int expected) => Assert.Equal(expected, SettingText.ChannelLimit(text).Value);

        [Theory]
        [InlineData("-1")]
        [InlineData("seven")]
        [InlineData("7.5")]
        [InlineData("99999999999")]
        public void ChannelLimit_RefusesWhatIsNotAWholeNumberFromZero(string text)
        {
            Assert.Equal($"'{text}' is not a whole number, 0 or more", SettingText.ChannelLimit(text).Problem);
        }

        [Fact]
        public void ChannelLimit_FromTypedValues()
        {
            Assert.Equal(5, SettingText.ChannelLimit(5).Value);
            Assert.Equal(5, SettingText.ChannelLimit(5.0m).Value);
            Assert.NotNull(SettingText.ChannelLimit(5.5).Problem);
            Assert.NotNull(SettingText.ChannelLimit(true).Problem);
        }

        [Theory]
        [InlineData("US;GB")]
        [InlineData("us, gb")]
        [InlineData("US GB")]
        [InlineData(" US ;; GB; ")]
        [InlineData("US;GB;us")]
        public void Destinations_AcceptEverySeparatorPeopleUse(string text)
        {
            Assert.Equal(new[] { "US", "GB" }, SettingText.Destinations(text).Value);
        }

        [Fact]
        public void Destinations_FromAList_AndAnEmptyListEmptiesTheWhitelist()
        {
            Assert.Equal(new[] { "DE", "AT" }, SettingText.Destinations(new object[] { "de", "AT" }).Value);
            SettingValue<IReadOnlyList<string>> empty = SettingText.Destinations(new string[0]);
            Assert.True(empty.IsUsable);
            Assert.Empty(empty.Value);
        }

        [Fact]
        public void Destinations_NameTheCodeThatIsNotOne()
        {
            Assert.Contains("did you mean US", SettingText.Destinations("USA;GB").Problem);
            Assert.Contains("'Germany'", SettingText.Destinations("DE;Germany").Problem);
        }

        [Fact]
        public void ARow_GivesItsNonEmptyCells_AndNamesEachThatDoesNotConvert()
        {
            var cells = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["VoiceEnabled"] = "",
                ["voicechannellimit"] = "5",
                ["SmsEnabled"] = "maybe",
                ["SmsWhitelistedDestinations"] = "us;gb",
                ["InboundChannelLimit"] = "x",
            };
            var problems = new List<string>();
            ChannelSettingsChange change = SettingCells.Read(name => cells.TryGetValue(name, out object? cell) ? cell : null, name => false, problems);

            Assert.Equal(new[] { "SmsEnabled 'maybe' is not true or false (also 1 or 0, yes or no)", "InboundChannelLimit 'x' is not a whole number, 0 or more" }, problems);
            Assert.Equal("{\"channel_settings\":{\"voice\":{\"channel_limit\":5},\"sms\":{\"whitelisted_destinations\":[\"US\",\"GB\"]}}}", Encoding.UTF8.GetString(change.ToJson()));
        }

        [Fact]
        public void ASettingGivenAsAnArgument_WinsOverTheRowsCell_WhichIsNotRead()
        {
            var problems = new List<string>();
            ChannelSettingsChange row = SettingCells.Read(name => name == "VoiceChannelLimit" ? "x" : name == "SmsChannelLimit" ? "2" : null, name => name == "VoiceChannelLimit", problems);
            ChannelSettingsChange both = SettingCells.Combine(new ChannelSettingsChange { VoiceChannelLimit = 9 }, row);

            Assert.Empty(problems);
            Assert.Equal("{\"channel_settings\":{\"voice\":{\"channel_limit\":9},\"sms\":{\"channel_limit\":2}}}", Encoding.UTF8.GetString(both.ToJson()));
        }
    }
}
