using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.Api.Json;
using Mindhunters.Api.Raw;
using Mindhunters.FakeApi;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The engine side of Invoke-MhRequest: the paths that are refused before any request, the answer read without a type,
    /// and -All over both page shapes through the listing's guards.
    /// </summary>
    public sealed class RawRequestTests : FakeApiTestBase
    {
        public RawRequestTests() : base("raw-engine-token-0b55")
        {
        }

        [Theory]
        [InlineData("https://evil.example/api/v1/agents", "absolute URL")]
        [InlineData("HTTP://evil.example/api", "absolute URL")]
        [InlineData("mailto:x", "absolute URL")]
        [InlineData("//evil.example/api/v1", "'//'")]
        [InlineData("api//evil.example", "'//'")]
        [InlineData("api/v1/../../x", "'..'")]
        [InlineData("api/v1/%2e%2E/x", "'..'")]
        [InlineData("api/v1%2fagents", "'..'")]
        [InlineData("api\\v1", "backslash")]
        [InlineData("api/v1/agents?page=2", "-Query")]
        [InlineData("api/v1/agents#x", "-Query")]
        [InlineData("v1/agents", "start with api/")]
        [InlineData("api/v1/a gents", "space")]
        [InlineData(" ", "empty")]
        public void APathThatCouldLeaveTheBaseUri_IsRefused(string path, string said)
        {
            Assert.Contains(said, RawRequests.PathProblem(path));
        }

        [Theory]
        [InlineData("api/v1/agents")]
        [InlineData("/api/v1/contacts")]
        [InlineData("api/v1/agents/7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52/webhooks")]
        public void APathBelowTheBaseUri_IsAccepted_AndStaysBelowIt(string path)
        {
            Assert.Null(RawRequests.PathProblem(path));
            Uri uri = RawRequests.UriOf(Connection(), path, new[] { new KeyValuePair<string, string>("q", "a b&c") });

            Assert.StartsWith(Server.BaseUri.AbsoluteUri, uri.AbsoluteUri);
            Assert.EndsWith("?q=a%20b%26c", uri.AbsoluteUri);
        }

        [Fact]
        public void AnAnswer_IsReadAsConvertFromJsonReadsIt()
        {
            RawAnswer answer = JsonSerializer.Deserialize(
                "{\"success\":true,\"message\":\"ok\",\"extra\":{\"x\":1},\"data\":{\"b\":1,\"a\":2.5,\"big\":99999999999999999999,\"huge\":1e400,\"when\":\"2023-11-07T05:31:56Z\",\"list\":[1,\"x\",null,{\"k\":false}]}}",
                MindhuntersJsonContext.Default.RawAnswer)!;

            var data = (RawObject)answer.Data!;
            Assert.Equal((true, "ok", true), (answer.Success, answer.Message, answer.HasData));
            Assert.Equal(new[] { "b", "a", "big", "huge", "when", "list" }, data.Select(m => m.Key));
            Assert.Equal(1L, Value(data, "b"));
            Assert.Equal(2.5, Value(data, "a"));
            Assert.Equal(1e20, Value(data, "big"));
            Assert.Equal("1e400", Value(data, "huge"));
            Assert.Equal("2023-11-07T05:31:56Z", Value(data, "when"));
            var list = (object?[])Value(data, "list")!;
            Assert.Equal(new object?[] { 1L, "x", null }, list.Take(3));
            Assert.Equal(false, Value((RawObject)list[3]!, "k"));
        }

        private static object? Value(RawObject parent, string name) => parent.TryGet(name, out object? value) ? value : throw new KeyNotFoundException(name);

        [Theory]
        [InlineData("{\"data\":{\"items\":[{\"a\":1},{\"a\":2}],\"pagination\":{\"current_page\":2,\"per_page\":2,\"total\":5,\"last_page\":3,\"has_more\":true}}}", 2L, 3L, true)]
        [InlineData("{\"data\":{\"current_page\":2,\"data\":[{\"a\":1},{\"a\":2}],\"per_page\":2,\"total\":5,\"last_page\":3,\"next_page_url\":\"https://x/?page=3\"}}", 2L, 3L, true)]
        [InlineData("{\"data\":{\"current_page\":3,\"data\":[{\"a\":1},{\"a\":2}],\"per_page\":2,\"total\":5,\"last_page\":3,\"next_page_url\":null}}", 3L, 3L, false)]
        public void BothPageShapes_GiveTheItemsAndThePaging(string json, long current, long last, bool hasMore)
        {
            ListPage<RawItem> page = RawPages.Of(JsonSerializer.Deserialize(json, MindhuntersJsonContext.Default.RawAnswer), 2)!;

            Assert.Equal(2, page.Items.Count);
            Assert.Equal((current, 2L, 5L, last, (bool?)hasMore), (page.CurrentPage!.Value, page.PerPage!.Value, page.Total!.Value, page.LastPage!.Value, page.HasMore));
        }

        [Theory]
        [InlineData("{\"data\":{\"uuid\":\"x\"}}")]
        [InlineData("{\"data\":[1,2]}")]
        [InlineData("{\"success\":true}")]
        [InlineData("{\"data\":{\"data\":[1]}}")]
        public void AnAnswerInNeitherShape_IsNotAPage(string json)
        {
            Assert.Null(RawPages.Of(JsonSerializer.Deserialize(json, MindhuntersJsonContext.Default.RawAnswer), 1));
        }

        [Fact]
        public async Task All_FollowsLaravelPages_AtTheServersPageSize()
        {
            var items = new List<object?>();
            using (RawPager pager = await RawPager.StartAsync(Client, Connection(), "api/v1/contacts", new[] { new KeyValuePair<string, string>("status", "Active") }, Log, CancellationToken.None))
            {
                Assert.True(pager.IsPage);
                while (await pager.NextAsync() is PageBatch<RawItem> batch) items.AddRange(batch.Items.Select(i => i.Value));
            }

            Assert.Equal(32, items.Count);
            Assert.Equal(new[] { "page=1&status=Active", "page=2&status=Active", "page=3&status=Active" }, Server.Requests.Select(r => r.Query));
        }

        [Fact]
        public async Task All_EndsAtAServerThatRepeatsItself_AfterWritingEachItemOnce()
        {
            Server.Faults = new FaultSettings { RepeatPage = true };
            var items = new List<object?>();
            using RawPager pager = await RawPager.StartAsync(Client, Connection(), "api/v1/conversations", new KeyValuePair<string, string>[0], Log, CancellationToken.None);

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(async () =>
            {
                while (await pager.NextAsync() is PageBatch<RawItem> batch) items.AddRange(batch.Items.Select(i => i.Value));
            });

            Assert.Equal("MhInvalidResponse", e.ErrorId);
            Assert.Equal(15, items.Count);
            Assert.Equal(2, Server.Requests.Count);
        }

        [Fact]
        public async Task APost_IsSentOnce_AndIsNeverRetriedOnA5xx()
        {
            Server.Faults = new FaultSettings { Fail5xx = 1 };
            Uri uri = RawRequests.UriOf(Connection(), "api/v1/sms/send", new KeyValuePair<string, string>[0]);

            MhApiException e = await Assert.ThrowsAsync<MhApiException>(() => RawRequests.SendAsync(Client, Connection(), HttpMethod.Post, uri,
                Encoding.UTF8.GetBytes("{}"), RawRequests.Operation("POST", "api/v1/sms/send"), Log, CancellationToken.None));

            Assert.True(e.MayHaveArrived);
            Assert.Single(Server.Requests);
            Assert.StartsWith("The POST to api/v1/sms/send may have been done", e.RecommendedAction);
        }
    }
}
