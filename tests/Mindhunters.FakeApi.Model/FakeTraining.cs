using System;

namespace Mindhunters.FakeApi
{
    /// <summary>One training entry: {uuid, content, intent, response}.</summary>
    public sealed record FakeTraining(Guid Uuid, string Content, string Intent, string Response);
}
