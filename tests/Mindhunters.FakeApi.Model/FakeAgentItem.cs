using System;
using System.Collections.Generic;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// One agent of GET /api/v1/agents, computed from its 1-based index (see <see cref="FakeAgents.Item"/>). Property
    /// names are the PascalCase forms of the JSON names of the API page (shared/api/phone-number-admin.md, section 4).
    /// </summary>
    public sealed record FakeAgentItem(
        int Index,
        Guid AgentUuid,
        string Name,
        string Description,
        string CompanyName,
        string Role,
        string Objective,
        string Tone,
        string BehaviorGuidelines,
        string CompanyService,
        string Topic,
        string LengthDetail,
        string InterestOfProduct,
        string NegativeResponse,
        string? Status,
        string CustomPrompt,
        string Language,
        string Speed,
        string Timezone,
        bool AppointmentSchedulingEnabled,
        bool AppointmentSchedulingRandomly,
        string? CustomLlmUrl,
        string Recommendations,
        string VoiceId,
        IReadOnlyList<FakeAgentNote> Guidelines,
        IReadOnlyList<FakeAgentNote> Notes,
        IReadOnlyList<FakeProcedure> Procedures,
        IReadOnlyList<FakeTraining> Training);
}
