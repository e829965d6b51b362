using System.Collections.Generic;

namespace Mindhunters.FakeApi
{
    /// <summary>The fields of one channel that a PATCH gave; null = not given, left as it was.</summary>
    internal sealed record ChannelPatch(bool? Enabled, int? ChannelLimit, IReadOnlyList<string>? WhitelistedDestinations);
}
