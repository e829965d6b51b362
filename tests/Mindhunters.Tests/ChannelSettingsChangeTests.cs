using System.Text.Json;
using Mindhunters.Api;
using Mindhunters.Api.Json;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// When a piped number already has every value Set-MhPhoneNumber asks for, nothing is sent for it: that is decided
    /// here, from the number as the API listed it, where a field the answer left out never passes for a value.
    /// </summary>
    public sealed class ChannelSettingsChangeTests
    {
        private const string Listed =
            "{\"voice\":{\"enabled\":true,\"channel_limit\":3,\"whitelisted_destinations\":[\"US\"]}," +
            "\"sms\":{\"enabled\":false,\"channel_limit\":2,\"whitelisted_destinations\":[\"DE\",\"AT\"]}," +
            "\"inbound\":{\"enabled\":true,\"channel_limit\":5}}";

        private static PhoneNumberChannelSettings? Settings(string json) =>
            JsonSerializer.Deserialize("{\"phone_number_uuid\":\"00000001-0000-4000-8000-000000000001\",\"channel_settings\":" + json + "}",
                MindhuntersJsonContext.Default.PhoneNumber)!.ChannelSettings;

        [Fact]
        public void ANumberThatHasEveryValue_IsSatisfied()
        {
            PhoneNumberChannelSettings? listed = Settings(Listed);

            Assert.True(new ChannelSettingsChange { SmsEnabled = false }.IsSatisfiedBy(listed));
            Assert.True(new ChannelSettingsChange { SmsEnabled = false, SmsChannelLimit = 2, VoiceEnabled = true, InboundChannelLimit = 5 }.IsSatisfiedBy(listed));
            Assert.True(new ChannelSettingsChange { SmsWhitelistedDestinations = new[] { "DE", "AT" } }.IsSatisfiedBy(listed));
        }

        [Fact]
        public void OneValueThatDiffers_IsEnough_ToSend()
        {
            PhoneNumberChannelSettings? listed = Settings(Listed);

            Assert.False(new ChannelSettingsChange { SmsEnabled = true }.IsSatisfiedBy(listed));
            Assert.False(new ChannelSettingsChange { SmsEnabled = false, SmsChannelLimit = 3 }.IsSatisfiedBy(listed));
            Assert.False(new ChannelSettingsChange { SmsWhitelistedDestinations = new[] { "DE" } }.IsSatisfiedBy(listed));
            // Another order may be kept as given by the API: it is sent.
            Assert.False(new ChannelSettingsChange { SmsWhitelistedDestinations = new[] { "AT", "DE" } }.IsSatisfiedBy(listed));
        }

        [Fact]
        public void AValueTheAnswerLeftOut_IsNeverTakenForOne()
        {
            PhoneNumberChannelSettings? partial = Settings("{\"sms\":{\"channel_limit\":2},\"voice\":{\"enabled\":false}}");
            var smsOff = new ChannelSettingsChange { SmsEnabled = false };
            var noWhitelist = new ChannelSettingsChange { VoiceWhitelistedDestinations = new string[0] };

            // Read leniently, a missing "enabled" is false and a missing list empty: neither is what the number has.
            Assert.False(smsOff.IsSatisfiedBy(partial));
            Assert.Equal(new[] { "sms.enabled to False" }, smsOff.Changes(partial));
            Assert.False(noWhitelist.IsSatisfiedBy(partial));
            Assert.Equal(new[] { "voice.whitelisted_destinations to []" }, noWhitelist.Changes(partial));
            Assert.False(new ChannelSettingsChange { InboundEnabled = true }.IsSatisfiedBy(partial));
            Assert.False(smsOff.IsSatisfiedBy(null));
        }
    }
}
