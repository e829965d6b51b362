using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Mindhunters.FakeApi;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// What every other test relies on when it shares the fake API: a scope sees only its own requests and faults, a
    /// counted fault counts down per request, a misspelt fault fails the test that sets it, a dropped scope is gone, and
    /// the count of requests in flight that the concurrency tests read is right.
    /// </summary>
    public sealed class FakeApiScopeTests
    {
        private static async Task<HttpStatusCode> ListAsync(FakeApiScope scope)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(scope.BaseUri, "api/v1/phone-numbers?per_page=1"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scope.Token);
            using HttpResponseMessage response = await FakeApiProcess.Control.SendAsync(request);
            return response.StatusCode;
        }

        [Fact]
        public async Task TwoScopes_ShareNeitherRequestsNorFaults()
        {
            await using FakeApiScope failing = await FakeApiScope.CreateAsync(new ScopeSettings { Token = "scope-a", Faults = new FaultSettings { Fail5xx = 5 } });
            await using FakeApiScope healthy = await FakeApiScope.CreateAsync(new ScopeSettings { Token = "scope-b" });

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ListAsync(failing));
            Assert.Equal(HttpStatusCode.OK, await ListAsync(healthy));
            Assert.Equal(HttpStatusCode.OK, await ListAsync(healthy));

            Assert.Equal(503, Assert.Single(failing.Requests).Status);
            Assert.Equal(new[] { 200, 200 }, healthy.Requests.Select(r => r.Status));
        }

        [Fact]
        public async Task ACountedFault_CountsDownPerRequest_AndShowsWhatIsLeft()
        {
            await using FakeApiScope scope = await FakeApiScope.CreateAsync(new ScopeSettings { Faults = new FaultSettings { Fail429 = 2, RetryAfter = "1" } });

            Assert.Equal((HttpStatusCode)429, await ListAsync(scope));
            Assert.Equal(new FaultSettings { Fail429 = 1, RetryAfter = "1" }, scope.Faults);
            Assert.Equal((HttpStatusCode)429, await ListAsync(scope));
            Assert.Equal(HttpStatusCode.OK, await ListAsync(scope));
            Assert.Equal(new FaultSettings { RetryAfter = "1" }, scope.Faults);
        }

        [Fact]
        public async Task AFaultNameTheFakeDoesNotKnow_IsRefused_WithTheNamesItKnows()
        {
            await using FakeApiScope scope = await FakeApiScope.CreateAsync(new ScopeSettings());
            using var content = new StringContent("{\"fail_4299\":1}", Encoding.UTF8, "application/json");

            using HttpResponseMessage response = await FakeApiProcess.Control.PostAsync(new Uri(scope.BaseUri, "_fake/faults"), content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            string body = await response.Content.ReadAsStringAsync();
            Assert.Contains("'fail_4299' is not one of the names", body);
            Assert.Contains("fail_429,", body);
        }

        [Fact]
        public async Task ADroppedScope_AnswersNoMore()
        {
            FakeApiScope scope = await FakeApiScope.CreateAsync(new ScopeSettings());
            Assert.Equal(HttpStatusCode.OK, await ListAsync(scope));

            await scope.DisposeAsync();

            Assert.Equal(HttpStatusCode.NotFound, await ListAsync(scope));
        }

        [Fact]
        public async Task RequestsInFlight_AreCountedFromArrivalToTheEndOfTheAnswer()
        {
            await using FakeApiScope scope = await FakeApiScope.CreateAsync(new ScopeSettings { Faults = new FaultSettings { LatencyMs = 2000 } });

            Task<HttpStatusCode>[] three = { ListAsync(scope), ListAsync(scope), ListAsync(scope) };
            // Asked until all three have arrived, well inside the latency: at the start of a test process the three
            // connections can take longer than any fixed pause to open. Asked without blocking a thread: the
            // property's synchronous request could wait for the pool past the latency.
            string inFlight = "";
            Stopwatch clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 1800 && inFlight != "{\"count\":3}")
            {
                await Task.Delay(25);
                inFlight = await FakeApiProcess.Control.GetStringAsync(new Uri(scope.BaseUri, "_fake/in-flight"));
            }
            Assert.Equal("{\"count\":3}", inFlight);
            await Task.WhenAll(three);

            Assert.Equal(0, scope.InFlight);
            Assert.Equal(new[] { 1, 2, 3 }, scope.Requests.Select(r => r.InFlight).OrderBy(n => n));
        }
    }
}
