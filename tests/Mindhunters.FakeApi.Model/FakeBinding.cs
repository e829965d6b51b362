using System;

namespace Mindhunters.FakeApi
{
    /// <summary>bindings.call / bindings.sms / bindings.whatsapp. Unbound: Bound false, AgentUuid and AgentName null.</summary>
    public sealed record FakeBinding(bool Bound, Guid? AgentUuid, string? AgentName)
    {
        /// <summary>The unbound value.</summary>
        public static FakeBinding None { get; } = new FakeBinding(false, null, null);
    }
}
