namespace Mindhunters.FakeApi
{
    /// <summary>channel_settings.inbound.</summary>
    public sealed record FakeInbound(bool Enabled, int ChannelLimit);
}
