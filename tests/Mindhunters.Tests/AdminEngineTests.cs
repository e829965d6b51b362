using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.Api.Json;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The engine driving the agents and rates endpoints and the PATCH of channel settings, against the fake API,
    /// as Get-MhAgent, Get-MhPhoneNumberRate and Set-MhPhoneNumber drive it.
    /// </summary>
    public class AdminEngineTests : FakeApiTestBase
    {
        public AdminEngineTests() : base("admin-engine-token")
        {
        }

        private async Task<List<T>> ListAllAsync<T>(ListEndpoint<T> endpoint, IListQuery query, PagePlan plan, Func<T, bool>? include = null)
            where T : class
        {
            MhConnection connection = Connection();
            var items = new List<T>();
            using var lister = new Lister<T>(endpoint, plan,
                (page, perPage, onThrottled, token) => Client.GetPageAsync(connection, endpoint, query, page, perPage, Log, onThrottled, token),
                1, Log, CancellationToken.None, include);
            while (await lister.NextAsync() is PageBatch<T> batch) items.AddRange(batch.Items);
            return items;
        }

        private async Task<PhoneNumber> PatchAsync(Guid uuid, ChannelSettingsChange change) =>
            (await Client.WriteAsync(Connection(), new WriteRequest<PhoneNumber>(HttpMethods.Patch, ChannelSettingsChange.PathOf(uuid), change.ToJson(),
                MindhuntersJsonContext.Default.PhoneNumberItemResponse, ApiOperation.Write("Updating phone number " + uuid, "Set-MhPhoneNumber", "Check the uuid.")),
                Log, CancellationToken.None))!;

        [Fact]
        public async Task Agents_AreListedAndTyped_PageAfterPage()
        {
            Server.AgentCount = 230;
            List<Agent> agents = await ListAllAsync(Endpoints.Agents, NoFilters.Instance,
                PagePlan.Create(null, null, 0, ulong.MaxValue, false, Endpoints.Agents.MaxPerPage));

            Assert.Equal(230, agents.Count);
            Assert.Equal(230, agents.Select(a => a.AgentUuid).Distinct().Count());
            Assert.Equal(FakeAgents.UuidOf(2), agents[1].AgentUuid);
            Assert.Equal("Support Desk", agents[1].Name);
            Assert.Null(agents[5].Status); // the fake leaves status out of every 6th agent, as copy B of the page does
            Assert.Equal(new[] { "page=1&per_page=100", "page=2&per_page=100", "page=3&per_page=100" }, Server.Requests.Select(r => r.Query));
        }

        [Fact]
        public async Task Agents_FilteredOnTheClient_SkipAndFirstCountMatches()
        {
            Server.AgentCount = 230;
            List<Agent> agents = await ListAllAsync(Endpoints.Agents, NoFilters.Instance,
                PagePlan.ForClientFilter(null, 1, 3, false, Endpoints.Agents.MaxPerPage),
                agent => agent.Name!.StartsWith("Support", StringComparison.Ordinal));

            Assert.Equal(new[] { "Support Night", "Support 6", "Support 11" }, agents.Select(a => a.Name));
        }

        [Fact]
        public async Task Rates_ComeInPagesOf200_WithTheFiltersAsQuery()
        {
            PagePlan plan = PagePlan.Create(null, null, 0, ulong.MaxValue, false, Endpoints.PhoneNumberRates.MaxPerPage);
            List<PhoneNumberRate> all = await ListAllAsync(Endpoints.PhoneNumberRates, new PhoneNumberRateQuery(), plan);
            Assert.Equal(FakeRates.All.Count, all.Count);
            Assert.Equal(new[] { "page=1&per_page=200", "page=2&per_page=200" }, Server.Requests.Select(r => r.Query));

            Server.ClearRequests();
            List<PhoneNumberRate> german = await ListAllAsync(Endpoints.PhoneNumberRates, new PhoneNumberRateQuery { CountryCode = " de ", Prefix = "4915" }, plan);
            Assert.Equal("page=1&per_page=200&country_code=DE&prefix=4915", Assert.Single(Server.Requests).Query);
            Assert.All(german, rate => Assert.StartsWith("4915", rate.DestinationPrefix));
            Assert.Equal(FakeRates.Select("DE", "4915").Select(r => r.Amount), german.Select(r => r.Price!.Amount!.Value));
        }

        [Fact]
        public async Task ARatesPageThatRepeats_EndsTheListing_ThoughRatesHaveNoUuid()
        {
            Server.Faults = new FaultSettings { RepeatPage = true };
            var written = new List<PhoneNumberRate>();
            MhApiException stopped = await Assert.ThrowsAsync<MhApiException>(async () =>
            {
                MhConnection connection = Connection();
                using var lister = new Lister<PhoneNumberRate>(Endpoints.PhoneNumberRates,
                    PagePlan.Create(null, 50, 0, ulong.MaxValue, false, Endpoints.PhoneNumberRates.MaxPerPage),
                    (page, perPage, onThrottled, token) => Client.GetPageAsync(connection, Endpoints.PhoneNumberRates, new PhoneNumberRateQuery(), page, perPage, Log, onThrottled, token),
                    1, Log, CancellationToken.None);
                while (await lister.NextAsync() is PageBatch<PhoneNumberRate> batch) written.AddRange(batch.Items);
            });

            // Rates carry no uuid: country, prefix and origination are what tells the repeat.
            Assert.Equal(50, written.Count);
            Assert.StartsWith("Listing call rates stopped at page 2", stopped.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void TheBody_CarriesOnlyTheGivenFields()
        {
            var change = new ChannelSettingsChange { VoiceChannelLimit = 7, SmsEnabled = false };
            Assert.Equal("{\"channel_settings\":{\"voice\":{\"channel_limit\":7},\"sms\":{\"enabled\":false}}}", Encoding.UTF8.GetString(change.ToJson()));

            var lists = new ChannelSettingsChange { VoiceWhitelistedDestinations = new string[0], InboundEnabled = true };
            Assert.Equal("{\"channel_settings\":{\"voice\":{\"whitelisted_destinations\":[]},\"inbound\":{\"enabled\":true}}}", Encoding.UTF8.GetString(lists.ToJson()));

            Assert.True(new ChannelSettingsChange().IsEmpty);
        }

        [Fact]
        public async Task TheChanges_ReadFromWhatToWhat_WhenTheCurrentValuesAreKnown()
        {
            PhoneNumber number = await PatchAsync(FakeData.Item(4).PhoneNumberUuid, new ChannelSettingsChange { VoiceChannelLimit = 3 });
            var change = new ChannelSettingsChange { VoiceChannelLimit = 7, SmsEnabled = false, SmsWhitelistedDestinations = new[] { "DE", "AT" } };

            Assert.Equal(new[] { "voice.channel_limit from 3 to 7", "sms.enabled from True to False", "sms.whitelisted_destinations from [] to [DE, AT]" },
                change.Changes(number.ChannelSettings));
            Assert.Equal(new[] { "voice.channel_limit to 7", "sms.enabled to False", "sms.whitelisted_destinations to [DE, AT]" }, change.Changes(null));
        }

        [Fact]
        public async Task AValueSentWithOthersThatChangesNothing_ReadsAsStaying_NotFromFalseToFalse()
        {
            PhoneNumber number = await PatchAsync(FakeData.Item(5).PhoneNumberUuid, new ChannelSettingsChange { VoiceChannelLimit = 4, SmsEnabled = false });
            var change = new ChannelSettingsChange { VoiceChannelLimit = 5, SmsEnabled = false };

            Assert.Equal(new[] { "voice.channel_limit from 4 to 5", "sms.enabled stays False" }, change.Changes(number.ChannelSettings));
        }

        [Fact]
        public async Task APatch_ReturnsTheUpdatedNumber_AndALaterPageShowsIt()
        {
            Guid uuid = FakeData.Item(1).PhoneNumberUuid;
            PhoneNumber updated = await PatchAsync(uuid, new ChannelSettingsChange { VoiceChannelLimit = 7, SmsEnabled = false });

            Assert.Equal(uuid, updated.PhoneNumberUuid);
            Assert.Equal(7, updated.ChannelSettings!.Voice!.ChannelLimit);
            Assert.False(updated.ChannelSettings.Sms!.Enabled);
            RecordedRequest patch = Assert.Single(Server.Requests);
            Assert.Equal("PATCH", patch.Method);
            Assert.StartsWith("application/json", patch.ContentType, StringComparison.Ordinal);
            // PATCH changes only what it was given: the next listing shows the new limit beside the untouched inbound settings.
            PhoneNumber listed = Assert.Single((await ListAsync(PagePlan.Create(1, 1, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage))).Items);
            Assert.Equal(uuid, listed.PhoneNumberUuid);
            Assert.Equal(7, listed.ChannelSettings!.Voice!.ChannelLimit);
            Assert.Equal((FakeData.Item(1).Inbound.Enabled, FakeData.Item(1).Inbound.ChannelLimit), (listed.ChannelSettings.Inbound!.Enabled, listed.ChannelSettings.Inbound.ChannelLimit));
            Assert.Contains(Log.VerboseLines, line => line.StartsWith("PATCH http://127.0.0.1:", StringComparison.Ordinal) && line.Contains("-> 200"));
        }

        [Fact]
        public async Task ARefusedPatch_NamesTheNumberAndTheField()
        {
            Guid national = FakeData.Item(6).PhoneNumberUuid; // a national number: no SMS
            MhApiException refused = await Assert.ThrowsAsync<MhApiException>(() => PatchAsync(national, new ChannelSettingsChange { SmsEnabled = true }));

            Assert.Equal(MhErrorKind.InvalidArgument, refused.Kind);
            Assert.Equal(422, refused.StatusCode);
            Assert.Equal("channel_settings.sms.enabled", refused.ApiErrorField);
            Assert.Equal("VALIDATION_ERROR", refused.ApiErrorCode);
            Assert.StartsWith($"Updating phone number {national} failed: 422", refused.Message, StringComparison.Ordinal);
            Assert.Contains("field channel_settings.sms.enabled", refused.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task APatchOfAnUnknownNumber_IsNotFound()
        {
            var unknown = new Guid("000003e7-0000-4000-8000-0000000003e7"); // index 999 of a data set of 250
            MhApiException missing = await Assert.ThrowsAsync<MhApiException>(() => PatchAsync(unknown, new ChannelSettingsChange { SmsEnabled = false }));

            Assert.Equal(MhErrorKind.NotFound, missing.Kind);
            Assert.Equal("NOT_FOUND", missing.ApiErrorCode);
            Assert.Equal("Check the uuid.", missing.RecommendedAction);
        }

        [Fact]
        public async Task APatch_IsRetriedOn503_WithTheSameBody()
        {
            Server.Faults = new FaultSettings { Fail5xx = 2 };
            PhoneNumber updated = await PatchAsync(FakeData.Item(2).PhoneNumberUuid, new ChannelSettingsChange { InboundChannelLimit = 9 });

            Assert.Equal(9, updated.ChannelSettings!.Inbound!.ChannelLimit);
            Assert.Equal(new[] { 503, 503, 200 }, Server.Requests.Select(r => r.Status));
            Assert.Single(Server.Requests.Select(r => r.Body).Distinct());
            Assert.Equal(2, Waits.Count);
        }
    }
}
