using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Mindhunters.Api.Json;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    public class JsonMappingTests
    {
        private static ListResponse<PhoneNumber> Parse(string json) =>
            JsonSerializer.Deserialize(json, MindhuntersJsonContext.Default.PhoneNumberListResponse)!;

        private static PhoneNumber ParseItem(string itemJson) =>
            Parse("{\"success\":true,\"data\":{\"items\":[" + itemJson + "]}}").Data!.Items!.Single();

        [Fact]
        public void TheApiPagesExample_MapsEveryField()
        {
            string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seed-example.json"));
            ListResponse<PhoneNumber> response = Parse(json);

            PhoneNumber n = Assert.Single(response.Data!.Items!);
            Assert.Equal(Guid.Parse("3c90c3cc-0d44-4b50-8888-8dd25736052a"), n.PhoneNumberUuid);
            Assert.Equal("+12084439178", n.Number);
            Assert.Equal("US", n.CountryCode);
            Assert.Equal("local", n.Type);
            Assert.True(n.IsExternal);
            Assert.Equal("active", n.Status);
            Assert.Equal("completed", n.Compliance!.Status);
            Assert.Single(n.Compliance.Requirements);
            Assert.True(n.Capabilities!.Voice && n.Capabilities.Sms && n.Capabilities.Mms && n.Capabilities.Fax && n.Capabilities.Emergency && n.Capabilities.LocalCalling);
            Assert.Equal(123, n.ChannelSettings!.Voice!.ChannelLimit);
            Assert.Equal(new[] { "<string>" }, n.ChannelSettings.Sms!.WhitelistedDestinations);
            Assert.True(n.ChannelSettings.Inbound!.Enabled);
            Assert.Equal(123m, n.Billing!.MonthlyFee);
            Assert.Equal("EUR", n.Billing.Currency);
            Assert.True(n.Bindings!.Whatsapp!.Bound);
            Assert.Equal("<string>", n.Bindings.Call!.AgentName);
            Assert.Equal(new DateTimeOffset(2023, 11, 7, 5, 31, 56, TimeSpan.Zero), n.PurchasedAt);
            Assert.Equal(new DateTimeOffset(2023, 11, 7, 5, 31, 56, TimeSpan.Zero), n.UpdatedAt);

            var pagination = response.Data.Pagination!;
            Assert.Equal((123L, 123L, 123L, true), (pagination.CurrentPage!.Value, pagination.Total!.Value, pagination.LastPage!.Value, pagination.HasMore!.Value));
        }

        [Fact]
        public void UnknownFields_AndNewEnumValues_DoNotBreakTheListing()
        {
            PhoneNumber n = ParseItem(@"{""phone_number_uuid"":""3c90c3cc-0d44-4b50-8888-8dd25736052a"",""number"":""+1"",
                ""status"":""porting"",""type"":""shortcode"",""label"":{""nested"":[1,2,{""x"":null}]},
                ""capabilities"":{""voice"":true,""rcs"":true},""brand_new"":[true]}");
            Assert.Equal("porting", n.Status);
            Assert.Equal("shortcode", n.Type);
            Assert.True(n.Capabilities!.Voice);
        }

        [Fact]
        public void LooseValues_AreReadForWhatTheyMean()
        {
            PhoneNumber n = ParseItem(@"{""phone_number_uuid"":""not-a-uuid"",""number"":12084439178,""is_external"":1,
                ""billing"":{""monthly_fee"":""4.99"",""currency"":""EUR""},
                ""channel_settings"":{""voice"":{""enabled"":""true"",""channel_limit"":""10"",""whitelisted_destinations"":""+44""}},
                ""purchased_at"":""2023-11-07 05:31:56"",""updated_at"":1699335116}");
            Assert.Equal(Guid.Empty, n.PhoneNumberUuid);
            Assert.Equal("12084439178", n.Number);
            Assert.True(n.IsExternal);
            Assert.Equal(4.99m, n.Billing!.MonthlyFee);
            Assert.True(n.ChannelSettings!.Voice!.Enabled);
            Assert.Equal(10, n.ChannelSettings.Voice.ChannelLimit);
            Assert.Equal(new[] { "+44" }, n.ChannelSettings.Voice.WhitelistedDestinations);
            Assert.Equal(new DateTimeOffset(2023, 11, 7, 5, 31, 56, TimeSpan.Zero), n.PurchasedAt);
            Assert.Equal(new DateTimeOffset(2023, 11, 7, 5, 31, 56, TimeSpan.Zero), n.UpdatedAt);
        }

        [Fact]
        public void PartsOfTheWrongShape_OrNull_AreLeftEmpty()
        {
            PhoneNumber n = ParseItem(@"{""number"":""+1"",""capabilities"":""voice,sms"",""billing"":null,
                ""bindings"":{""call"":[],""sms"":{""bound"":false,""agent_uuid"":null,""agent_name"":null}},
                ""compliance"":{""status"":""completed"",""requirements"":null},""purchased_at"":""soon""}");
            Assert.Null(n.Capabilities);
            Assert.Null(n.Billing);
            Assert.Null(n.Bindings!.Call);
            Assert.False(n.Bindings.Sms!.Bound);
            Assert.Empty(n.Compliance!.Requirements);
            Assert.Null(n.PurchasedAt);
        }

        [Fact]
        public void ItemsThatAreNotObjects_AreSkipped()
        {
            var items = Parse(@"{""data"":{""items"":[null,""x"",{""number"":""+1""},42]}}").Data!.Items!;
            Assert.Equal("+1", Assert.Single(items).Number);
        }

        [Fact]
        public void NestedParts_ReadAsWords()
        {
            PhoneNumber n = ParseItem(@"{""number"":""+1"",
                ""capabilities"":{""voice"":true,""sms"":true,""mms"":true,""fax"":false},
                ""billing"":{""monthly_fee"":4.99,""currency"":""EUR""},
                ""bindings"":{""call"":{""bound"":true,""agent_uuid"":""a"",""agent_name"":""Agent 7""},""sms"":{""bound"":false}},
                ""channel_settings"":{""voice"":{""enabled"":true,""channel_limit"":5,""whitelisted_destinations"":[]},""inbound"":{""enabled"":false}},
                ""compliance"":{""status"":""requirement_pending"",""requirements"":[{""type"":""address""},{""type"":""id""}]}}");
            Assert.Equal("voice, sms, mms", n.Capabilities!.ToString());
            Assert.Equal("V S M", n.Capabilities.ToShortString());
            Assert.Equal("4.99 EUR", n.Billing!.ToString());
            Assert.Equal("call: Agent 7", n.Bindings!.ToString());
            Assert.Equal("Agent 7", n.Bindings.FirstAgentName());
            Assert.Equal("voice: on (limit 5), inbound: off", n.ChannelSettings!.ToString());
            Assert.Equal("requirement_pending (2 requirements)", n.Compliance!.ToString());
            Assert.Equal("address", n.Compliance.Requirements[0]["type"]);
            Assert.Equal("+1", n.ToString());
        }
    }
}
