using System;
using System.Collections.Generic;

namespace Mindhunters.FakeApi
{
    /// <summary>One procedure: {uuid, name, description, steps[]}.</summary>
    public sealed record FakeProcedure(Guid Uuid, string Name, string Description, IReadOnlyList<FakeProcedureStep> Steps);
}
