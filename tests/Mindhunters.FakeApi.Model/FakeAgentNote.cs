using System;

namespace Mindhunters.FakeApi
{
    /// <summary>One guideline or note of an agent: {uuid, content, order}.</summary>
    public sealed record FakeAgentNote(Guid Uuid, string Content, int Order);
}
