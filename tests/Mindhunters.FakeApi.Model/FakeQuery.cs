using System;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The filter and sort of one listing, as the server understood the query string (already validated).
    /// A null filter means "not given". Also usable by tests with <see cref="FakeData.Select"/> to compute the
    /// expected result of a listing.
    /// </summary>
    public sealed record FakeQuery
    {
        /// <summary>status: active, pending or inactive; null = any.</summary>
        public string? Status { get; init; }

        /// <summary>country_code: exact, case-sensitive match against the upper-case stored code ("us" matches nothing).</summary>
        public string? CountryCode { get; init; }

        /// <summary>type: local, toll_free, mobile or national; null = any.</summary>
        public string? Type { get; init; }

        /// <summary>compliance: completed or requirement_pending (compliance.status); null = any.</summary>
        public string? Compliance { get; init; }

        /// <summary>search: case-insensitive substring of the number, the country code or the English country name.</summary>
        public string? Search { get; init; }

        /// <summary>bound_to_agent_uuid: numbers bound to this agent on any channel (call, sms or whatsapp).</summary>
        public Guid? BoundToAgentUuid { get; init; }

        /// <summary>sort: created_at (default; purchased_at ascending, then index), monthly_fee (ascending, then index) or number (ordinal ascending).</summary>
        public string Sort { get; init; } = FakeData.SortCreatedAt;

        /// <summary>include_external: external numbers are listed only when true (1/true on the query string).</summary>
        public bool IncludeExternal { get; init; }
    }
}
