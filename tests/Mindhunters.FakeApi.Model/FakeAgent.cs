using System;

namespace Mindhunters.FakeApi
{
    /// <summary>One of the fixed agents that numbers are bound to.</summary>
    public sealed record FakeAgent(Guid Uuid, string Name);
}
