using System.Linq;
using System.Text.Json;
using Mindhunters.Api.Json;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    public class PlainTextTests
    {
        private static PhoneNumber ParseItem(string itemJson) =>
            JsonSerializer.Deserialize("{\"success\":true,\"data\":{\"items\":[" + itemJson + "]}}", MindhuntersJsonContext.Default.PhoneNumberListResponse)!
                .Data!.Items!.Single();

        [Fact]
        public void Requirements_ReadAsTheirFields_NestedValuesInBracesAndBrackets()
        {
            PhoneNumber n = ParseItem(@"{""compliance"":{""status"":""requirement_pending"",""requirements"":[
                {""key"":""address"",""required"":true,""max"":1.5,""values"":[""a"",{""b"":null}],""doc"":{}},
                {}]}}");
            PlainObject first = n.Compliance!.Requirements[0];
            Assert.Equal("key: address, required: true, max: 1.5, values: [a, {b: null}], doc: {}", first.ToString());
            Assert.Equal("{}", n.Compliance.Requirements[1].ToString());
            Assert.Equal(first + "; {}", n.Compliance.Requirements.ToString());
            Assert.Equal("a; {b: null}", first["VALUES"]!.ToString());
        }

        [Fact]
        public void AVeryLongValue_IsCut_SoACellStaysACell()
        {
            string big = new string('x', 10_000);
            PhoneNumber n = ParseItem(@"{""compliance"":{""requirements"":[{""text"":""" + big + @"""}]}}");
            string text = n.Compliance!.Requirements[0].ToString();
            Assert.Equal(2000, text.Length);
            Assert.EndsWith("…", text);
        }
    }
}
