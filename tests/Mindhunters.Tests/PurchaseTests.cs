using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// Buying a number: the documented field names checked before any request, and a POST whose answer is lost sent once,
    /// with the way to check in the error.
    /// </summary>
    public sealed class PurchaseTests : FakeApiTestBase
    {
        public PurchaseTests() : base("purchase-engine-token-91d0")
        {
        }

        private static PhoneNumberPurchase Milan(IReadOnlyDictionary<string, object?>? address = null, params IReadOnlyDictionary<string, object?>[] requirements) =>
            new PhoneNumberPurchase("+39 02 1234 5678", "it", "local", 4.99m)
            {
                Address = address,
                Requirements = requirements.Length == 0 ? null : requirements,
            };

        [Fact]
        public void TheBody_IsTheDocumentedFields_TheCountryUpperCase_TheNumberInE164()
        {
            PhoneNumberPurchase purchase = Milan(new Dictionary<string, object?> { ["postal_code"] = 20121L, ["locality"] = "Milano" },
                new Dictionary<string, object?> { ["key"] = "proof", ["requirement_id"] = "3c90c3cc-0d44-4b50-8888-8dd25736052a", ["document_id"] = "doc_1" });

            using JsonDocument body = JsonDocument.Parse(purchase.ToJson());
            JsonElement root = body.RootElement;

            Assert.Null(purchase.Problem());
            Assert.Equal(new[] { "number", "country_code", "type", "monthly_fee", "address", "requirements" }, root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("+390212345678", "IT", 4.99m), (root.GetProperty("number").GetString(), root.GetProperty("country_code").GetString(), root.GetProperty("monthly_fee").GetDecimal()));
            Assert.Equal("20121", root.GetProperty("address").GetProperty("postal_code").GetString());
            Assert.Equal("doc_1", root.GetProperty("requirements")[0].GetProperty("document_id").GetString());
        }

        [Theory]
        [InlineData("street", null, "-Address has the key 'street'")]
        [InlineData(null, "file", "-Requirement item 1 has the key 'file'")]
        [InlineData(null, "requirement_id", "which is not a uuid")]
        public void AKeyOrAValueTheApiDoesNotDocument_IsAProblem(string? addressKey, string? requirementKey, string expected)
        {
            var address = addressKey is null ? null : new Dictionary<string, object?> { [addressKey] = "x" };
            var requirement = requirementKey is null ? new Dictionary<string, object?>[0] : new[] { new Dictionary<string, object?> { ["key"] = "proof", [requirementKey] = "not-a-uuid" } };

            Assert.Contains(expected, Milan(address, requirement).Problem());
        }

        [Fact]
        public async Task ALostAnswer_IsOnePost_ThatMayHaveArrived_WithTheWayToCheck()
        {
            Server.Faults = new FaultSettings { ResetMidBody = 1 };

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => Client.WriteAsync(Connection(), Milan().Request("demo"), Log, CancellationToken.None));

            Assert.Equal("MhConnectionFailed", e.ErrorId);
            Assert.True(e.MayHaveArrived);
            Assert.Single(Server.Requests);
            Assert.Empty(Waits);
            Assert.Equal("Get-MhPhoneNumber -Number +390212345678 shows whether the number was bought. It is billed every month: buy it again only if it is not listed.", e.RecommendedAction);
        }

        [Fact]
        public async Task APurchase_IsAnsweredWithTheNumber_AboutTheNumberSent()
        {
            PhoneNumber? bought = await Client.WriteAsync(Connection(), Milan().Request("demo"), Log, CancellationToken.None);

            Assert.Equal(("+390212345678", "purchased", "IT"), (bought!.Number, bought.Source, bought.Location));
            Assert.Equal(201, Server.Requests.Single().Status);
        }

        [Fact]
        public async Task AnIdempotentWrite_ThatFails_DoesNotSayItMayHaveArrived()
        {
            MhConnection stalled = Connection(timeoutSec: 1, baseUri: new Uri(Server.BaseUri, "hostile/stall-200/"));
            var patch = new WriteRequest<PhoneNumber>(HttpMethods.Patch, "api/v1/phone-numbers/x", new byte[] { (byte)'{', (byte)'}' },
                Api.Json.MindhuntersJsonContext.Default.PhoneNumberItemResponse, ApiOperation.Write("Updating", "Set-MhPhoneNumber", "Check."));

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => Client.WriteAsync(stalled, patch, Log, CancellationToken.None));

            Assert.Equal("MhTimeout", e.ErrorId);
            Assert.False(e.MayHaveArrived);
        }
    }
}
