using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Mindhunters.Api.Json;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// Agent, PhoneNumberRate and the newer PhoneNumber fields, read from JSON shaped like the pages in
    /// shared/api/phone-number-admin.md: every documented field lands where it should, and a field of the wrong
    /// type or one the pages do not show never fails the read.
    /// </summary>
    public class AdminModelTests
    {
        private static Agent ParseAgent(string json) => JsonSerializer.Deserialize(json, MindhuntersJsonContext.Default.Agent)!;

        private static PhoneNumberRate ParseRate(string json) => JsonSerializer.Deserialize(json, MindhuntersJsonContext.Default.PhoneNumberRate)!;

        // Copy A of the list-agents page: placeholders, with "status".
        private const string AgentCopyA = """
            {
              "agent_uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
              "name": "<string>", "description": "<string>", "company_name": "<string>", "role": "<string>",
              "objective": "<string>", "tone": "<string>", "behavior_guidelines": "<string>", "company_service": "<string>",
              "topic": "<string>", "length_detail": "<string>", "interest_of_product": "<string>",
              "negative_response": "<string>", "status": "pending", "custom_prompt": "<string>", "language": "<string>",
              "speed": "<string>", "timezone": "<string>", "appointment_scheduling_enabled": true,
              "appointment_scheduling_randomly": true, "custom_llm_url": "<string>", "recommendations": "<string>",
              "settings": { "voice": {}, "text": {}, "memorize": {}, "evaluation": {} },
              "guidelines": [ { "uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "content": "<string>", "order": 123 } ],
              "notes": [ { "uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "content": "<string>", "order": 123 } ],
              "procedures": [ { "uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "name": "<string>", "description": "<string>",
                               "steps": [ { "order": 123, "description": "<string>", "intent_uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a" } ] } ],
              "training": [ { "uuid": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "content": "<string>", "intent": "<string>", "response": "<string>" } ]
            }
            """;

        [Fact]
        public void AnAgentOfCopyA_MapsEveryDocumentedField()
        {
            Agent a = ParseAgent(AgentCopyA);

            Assert.Equal(Guid.Parse("3c90c3cc-0d44-4b50-8888-8dd25736052a"), a.AgentUuid);
            Assert.Equal("<string>", a.Name);
            Assert.Equal("pending", a.Status);
            foreach (string? text in new[] { a.Description, a.CompanyName, a.Role, a.Objective, a.Tone, a.BehaviorGuidelines, a.CompanyService,
                a.Topic, a.LengthDetail, a.InterestOfProduct, a.NegativeResponse, a.CustomPrompt, a.Language, a.Speed, a.Timezone,
                a.CustomLlmUrl, a.Recommendations })
            {
                Assert.Equal("<string>", text);
            }
            Assert.True(a.AppointmentSchedulingEnabled);
            Assert.True(a.AppointmentSchedulingRandomly);
            Assert.Equal(new[] { "voice", "text", "memorize", "evaluation" }, a.Settings.Keys);
            Assert.Equal(123, Assert.Single(a.Guidelines).Order);
            Assert.Equal("<string>", Assert.Single(a.Notes).Content);
            AgentProcedure procedure = Assert.Single(a.Procedures);
            Assert.Equal(Guid.Parse("3c90c3cc-0d44-4b50-8888-8dd25736052a"), Assert.Single(procedure.Steps).IntentUuid);
            Assert.Equal("<string>", Assert.Single(a.Training).Intent);
            Assert.Equal("<string>", a.ToString());
        }

        [Fact]
        public void AnAgentOfCopyB_WithoutStatus_AndWithFieldsThePageDoesNotShow_Lists()
        {
            Agent a = ParseAgent("""
                {"agent_uuid":"9bcb8f00-c0c5-4ee1-9b75-ad1e87a2bd8b","name":"Volvo Support","language":"en","timezone":"America/New_York",
                 "webhooks":[{"url":"https://example.test"}],"routing_rules":{"x":1},"created_at":"2024-01-01T00:00:00Z",
                 "settings":{"voice":{"voice_id":"v-1","stability":0.5},"text":{}},
                 "training":[{"uuid":"9bcb8f00-c0c5-4ee1-9b75-ad1e87a2bd8b","content":"Do you sell used cars?","intent":"used","response":"Yes."}]}
                """);

            Assert.Null(a.Status);
            Assert.Equal("Volvo Support", a.ToString());
            Assert.Equal("en", a.Language);
            Assert.Equal("America/New_York", a.Timezone);
            var voice = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(a.Settings["voice"]);
            Assert.Equal("v-1", voice["voice_id"]);
            Assert.Equal(0.5m, voice["stability"]);
            Assert.Empty(a.Guidelines);
            Assert.Empty(a.Procedures);
            Assert.Equal("Do you sell used cars? -> Yes.", Assert.Single(a.Training).ToString());
        }

        [Fact]
        public void AnAgentWithWrongTypes_StillLists_WithWhatCanBeRead()
        {
            Agent a = ParseAgent("""
                {"agent_uuid":"not-a-uuid","name":42,"speed":1.1,"appointment_scheduling_enabled":"1",
                 "appointment_scheduling_randomly":null,"settings":[1,2],"guidelines":{"content":"x"},
                 "notes":[null,"text",{"content":"kept","order":"2"}],
                 "procedures":[{"name":"Book","steps":"none"}],"training":null}
                """);

            Assert.Equal(Guid.Empty, a.AgentUuid);
            Assert.Equal("42", a.Name);
            Assert.Equal("1.1", a.Speed);
            Assert.True(a.AppointmentSchedulingEnabled);
            Assert.False(a.AppointmentSchedulingRandomly);
            Assert.Empty(a.Settings);
            Assert.Empty(a.Guidelines);
            AgentNote note = Assert.Single(a.Notes);
            Assert.Equal(2, note.Order);
            Assert.Equal("kept", note.ToString());
            Assert.Equal("Book (0 steps)", Assert.Single(a.Procedures).ToString());
            Assert.Empty(a.Training);
        }

        [Fact]
        public void AnAgentOfTheFakeApi_ReadsAsItsParts()
        {
            Agent a = ParseAgent("""
                {"agent_uuid":"7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52","name":"Support Desk",
                 "procedures":[{"uuid":"00000002-0003-4000-b000-000000000001","name":"Book a service","description":"Find a slot.",
                   "steps":[{"order":1,"description":"Ask for the registration number.","intent_uuid":"00000002-0004-4000-b000-000000000001"},
                            {"order":2,"description":"Offer two slots.","intent_uuid":"00000002-0004-4000-b000-000000000002"}]}]}
                """);

            AgentProcedure procedure = Assert.Single(a.Procedures);
            Assert.Equal("Book a service (2 steps)", procedure.ToString());
            Assert.Equal("1. Ask for the registration number.", procedure.Steps[0].ToString());
        }

        [Fact]
        public void ARateOfThePage_MapsEveryField()
        {
            PhoneNumberRate r = ParseRate("""
                {"country_code":"<string>","country_name":"<string>","destination_prefix":"<string>","origination":"<string>",
                 "description":"<string>","min_duration_seconds":123,"billing_increment_seconds":123,
                 "price":{"amount":123,"currency":"<string>"}}
                """);

            Assert.Equal("<string>", r.CountryCode);
            Assert.Equal("<string>", r.CountryName);
            Assert.Equal("<string>", r.DestinationPrefix);
            Assert.Equal("<string>", r.Origination);
            Assert.Equal("<string>", r.Description);
            Assert.Equal(123, r.MinDurationSeconds);
            Assert.Equal(123, r.BillingIncrementSeconds);
            Assert.Equal(123m, r.Price!.Amount);
            Assert.Equal("<string>", r.Price.Currency);
        }

        [Fact]
        public void ARate_ReadsAsDestinationAndPrice_InEveryCulture()
        {
            CultureInfo before = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                PhoneNumberRate r = ParseRate("""
                    {"country_code":"DE","destination_prefix":"4915","description":"Germany - Mobile","price":{"amount":0.012,"currency":"EUR"}}
                    """);
                Assert.Equal("0.0120 EUR", r.Price!.ToString());
                Assert.Equal("DE 4915 Germany - Mobile: 0.0120 EUR", r.ToString());
                Assert.Equal(0.012m, r.Price.Amount);
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
            }
        }

        [Fact]
        public void ARateWithWrongTypes_StillLists()
        {
            PhoneNumberRate r = ParseRate("""
                {"country_code":"IT","min_duration_seconds":"60","billing_increment_seconds":"sixty","price":"0.01 EUR","extra":[1]}
                """);

            Assert.Equal("IT", r.CountryCode);
            Assert.Equal(60, r.MinDurationSeconds);
            Assert.Null(r.BillingIncrementSeconds);
            Assert.Null(r.Price);
            Assert.Equal("IT", r.ToString());
        }

        [Fact]
        public void APhoneNumberOfANewerAnswer_HasLocationAndSource()
        {
            PhoneNumber n = JsonSerializer.Deserialize("""
                {"phone_number_uuid":"9bcb8f00-c0c5-4ee1-9b75-ad1e87a2bd8b","number":"+12084439178","country_code":"US",
                 "location":"Sassari, Sardegna","type":"local","is_external":true,"source":"purchased","status":"active"}
                """, MindhuntersJsonContext.Default.PhoneNumber)!;

            Assert.Equal("Sassari, Sardegna", n.Location);
            Assert.Equal("purchased", n.Source);
            Assert.True(n.IsExternal);
            Assert.Equal("active", n.Status);
        }

        [Fact]
        public void Location_AndSource_StandWhereTheApiPutsThem()
        {
            // Location right after CountryCode and Source right after IsExternal, as the trunks page orders them,
            // so Format-List * and Export-Csv show them there.
            string[] names = typeof(PhoneNumber).GetProperties().Select(p => p.Name).ToArray();
            Assert.Equal(Array.IndexOf(names, nameof(PhoneNumber.CountryCode)) + 1, Array.IndexOf(names, nameof(PhoneNumber.Location)));
            Assert.Equal(Array.IndexOf(names, nameof(PhoneNumber.IsExternal)) + 1, Array.IndexOf(names, nameof(PhoneNumber.Source)));
        }
    }
}
