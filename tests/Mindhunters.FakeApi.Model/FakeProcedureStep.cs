using System;

namespace Mindhunters.FakeApi
{
    /// <summary>One step of a procedure: {order, description, intent_uuid}.</summary>
    public sealed record FakeProcedureStep(int Order, string Description, Guid IntentUuid);
}
