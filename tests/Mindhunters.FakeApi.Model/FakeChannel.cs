using System.Collections.Generic;

namespace Mindhunters.FakeApi
{
    /// <summary>channel_settings.voice / channel_settings.sms.</summary>
    public sealed record FakeChannel(bool Enabled, int ChannelLimit, IReadOnlyList<string> WhitelistedDestinations);
}
