using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The deterministic agents: item i (1..count) is a pure function of i. Items 1-5 are <see cref="FakeData.Agents"/>,
    /// the agents phone numbers are bound to; from 6 on the names cycle over Sales, Support, Booking, Survey, Reception
    /// followed by the index ("Support 6", "Support 11"), bound to no number.
    /// </summary>
    /// <remarks>
    /// status cycles active, active, pending, inactive and is left out (as copy B of the page leaves it out) when
    /// i % 6 == 0; language over en, de, fr, es, nl; timezone follows the language; custom_llm_url is null except
    /// when i % 5 == 0. Every item also carries voice_id, a field the page does not show.
    /// </remarks>
    public static class FakeAgents
    {
        /// <summary>How many agents the fake lists unless told otherwise (--agent-count).</summary>
        public const int DefaultCount = 12;

        private static readonly string[] NameCycle = { "Sales", "Support", "Booking", "Survey", "Reception" };
        private static readonly string[] RoleCycle = { "Customer support", "Sales assistant", "Receptionist" };
        private static readonly string[] ToneCycle = { "friendly", "formal", "concise" };
        private static readonly string[] LengthCycle = { "short", "medium", "long" };
        private static readonly string?[] StatusCycle = { "active", "active", "pending", "inactive" };
        private static readonly string[] LanguageCycle = { "en", "de", "fr", "es", "nl" };
        private static readonly string[] TimezoneCycle = { "America/New_York", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Amsterdam" };
        private static readonly string[] SpeedCycle = { "1.0", "1.1", "0.9" };

        /// <summary>agent_uuid of item <paramref name="index"/>: the fixed uuid for 1-5, then "0000000i-a9e0-4000-a000-00000000000i".</summary>
        public static Guid UuidOf(int index) =>
            index is >= 1 and <= 5
                ? FakeData.Agents[index - 1].Uuid
                : new Guid(FormattableString.Invariant($"{index:x8}-a9e0-4000-a000-{index:x12}"));

        /// <summary>The index of the agent whose agent_uuid is <paramref name="uuid"/> (false for any other uuid).</summary>
        public static bool TryIndexOf(Guid uuid, out int index)
        {
            for (index = 1; index <= FakeData.Agents.Count; index++)
            {
                if (FakeData.Agents[index - 1].Uuid == uuid)
                {
                    return true;
                }
            }

            string text = uuid.ToString("D");
            if (int.TryParse(text.Substring(0, 8), System.Globalization.NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out index) && index > 5 && UuidOf(index) == uuid)
            {
                return true;
            }

            index = 0;
            return false;
        }

        /// <summary>name of item <paramref name="index"/>.</summary>
        public static string NameOf(int index) =>
            index is >= 1 and <= 5
                ? FakeData.Agents[index - 1].Name
                : NameCycle[index % NameCycle.Length] + " " + index.ToString(CultureInfo.InvariantCulture);

        /// <summary>Agent <paramref name="index"/> (1-based).</summary>
        public static FakeAgentItem Item(int index)
        {
            if (index < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "The index is 1-based.");
            }

            string name = NameOf(index);
            string i = index.ToString(CultureInfo.InvariantCulture);
            string language = LanguageCycle[index % LanguageCycle.Length];
            string topic = name.StartsWith("Support", StringComparison.Ordinal) ? "after-sales service" : "new cars";
            Guid Part(int kind, int n) => new(FormattableString.Invariant($"{index:x8}-{kind:x4}-4000-b000-{n:x12}"));

            return new FakeAgentItem(
                index,
                UuidOf(index),
                name,
                Description: $"{name} answers calls about {topic} for Acme Motors.",
                CompanyName: "Acme Motors",
                Role: RoleCycle[index % RoleCycle.Length],
                Objective: "Book a visit to the showroom or the workshop.",
                Tone: ToneCycle[index % ToneCycle.Length],
                BehaviorGuidelines: "Greet the caller, confirm the car model, never promise a price.",
                CompanyService: "Car sales and servicing",
                Topic: topic,
                LengthDetail: LengthCycle[index % LengthCycle.Length],
                InterestOfProduct: "Electric and hybrid models",
                NegativeResponse: "Thank the caller and offer a call back.",
                Status: index % 6 == 0 ? null : StatusCycle[index % StatusCycle.Length],
                CustomPrompt: string.Empty,
                Language: language,
                Speed: SpeedCycle[index % SpeedCycle.Length],
                Timezone: TimezoneCycle[index % TimezoneCycle.Length],
                AppointmentSchedulingEnabled: index % 3 == 0,
                AppointmentSchedulingRandomly: index % 6 == 0,
                CustomLlmUrl: index % 5 == 0 ? "https://llm.example.test/agents/" + i : null,
                Recommendations: "Offer a test drive.",
                VoiceId: "voice-" + i,
                Guidelines: new[]
                {
                    new FakeAgentNote(Part(1, 1), "Ask for the caller's name first.", 1),
                    new FakeAgentNote(Part(1, 2), "Confirm every appointment by SMS.", 2),
                },
                Notes: new[] { new FakeAgentNote(Part(2, 1), "The workshop is closed on Sundays.", 1) },
                Procedures: new[]
                {
                    new FakeProcedure(Part(3, 1), "Book a service", "Find a slot for a service visit.", new[]
                    {
                        new FakeProcedureStep(1, "Ask for the registration number.", Part(4, 1)),
                        new FakeProcedureStep(2, "Offer the first two free slots.", Part(4, 2)),
                    }),
                },
                Training: new[] { new FakeTraining(Part(5, 1), "Do you sell used cars?", "used_cars", "Yes, every one with a year of warranty.") });
        }
    }
}
