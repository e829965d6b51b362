using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// What one scope of the fake API serves: its data set, its token and its faults. POST /_fake/scopes takes it as
    /// JSON (FakeApiJson); the process's command line (--count, --agent-count, --token and every fault) gives the
    /// settings of the scope at the root, which the demo and the benchmark use when they start a fake of their own.
    /// </summary>
    public sealed record ScopeSettings
    {
        /// <summary>The largest data set a scope serves (the numbers' last seven digits are their index).</summary>
        public const int MaxCount = 9_999_999;

        [Description("size of the phone-number data set: numbers 1..N, every tenth external")]
        public int Count { get; init => field = InRange(value); } = 250;

        [Description("how many agents GET /api/v1/agents lists")]
        public int AgentCount { get; init => field = InRange(value); } = FakeAgents.DefaultCount;

        [Description("how many numbers POST /api/v1/phone-numbers may buy before it answers 403 purchase_limit_reached (0 = no limit)")]
        public int PurchaseLimit { get; init => field = InRange(value); }

        [Description("how many contacts GET /api/v1/contacts lists (Laravel paging)")]
        public int ContactCount { get; init => field = InRange(value); } = 40;

        [Description("how many conversations GET /api/v1/conversations lists (Laravel paging)")]
        public int ConversationCount { get; init => field = InRange(value); } = 30;

        [Description("the bearer token the API endpoints accept")]
        public string Token { get; init => field = string.IsNullOrEmpty(value) ? throw new FormatException("token must not be empty.") : value; } = "test-token";

        /// <summary>The faults the scope starts with; POST /s/{id}/_fake/faults replaces them later.</summary>
        public FaultSettings Faults { get; init => field = value ?? throw new FormatException("faults must be an object."); } = new();

        private static int InRange(int value, [CallerMemberName] string property = "") =>
            value is >= 0 and <= MaxCount
                ? value
                : throw new FormatException(FormattableString.Invariant($"{FakeApiJson.NameOf(typeof(ScopeSettings), property)} must be from 0 to {MaxCount}, not {value}."));
    }
}
