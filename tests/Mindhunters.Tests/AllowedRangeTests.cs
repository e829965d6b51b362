using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>A refused value's range, read from the API's error.details only where its words say one.</summary>
    public class AllowedRangeTests
    {
        [Theory]
        [InlineData("The channel_settings.voice.channel_limit field must be between 0 and 1000.", "from 0 to 1000")]
        [InlineData("must be at least 1", "1 or more")]
        [InlineData("The per page field must not be greater than 100.", "at most 100")]
        [InlineData("min: 0, max: 50", "from 0 to 50")]
        [InlineData("Maximum is 8", "at most 8")]
        public void ARangeInTheText_IsRead(string details, string range) => Assert.Equal(range, AllowedRange.Of(details));

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("The channel limit is invalid.")]
        [InlineData("must be between zero and ten")]
        [InlineData("up to 1000 sessions")]
        public void NoRangeInTheText_IsNone(string? details) => Assert.Null(AllowedRange.Of(details));

        [Theory]
        [InlineData("channel_settings.voice.channel_limit", "-VoiceChannelLimit")]
        [InlineData("channel_settings.sms.whitelisted_destinations", "-SmsWhitelistedDestinations")]
        [InlineData("channel_settings.inbound.enabled", "-InboundEnabled")]
        [InlineData("channel_settings.inbound.whitelisted_destinations", null)]
        [InlineData("number", null)]
        public void ARefusedField_IsNamedAsItsParameter(string field, string? parameter) => Assert.Equal(parameter, ChannelSettingsChange.ParameterOf(field));
    }
}
