namespace Mindhunters.FakeApi
{
    /// <summary>The channel_settings of one PATCH body, validated.</summary>
    internal sealed record ChannelSettingsPatch(ChannelPatch? Voice, ChannelPatch? Sms, ChannelPatch? Inbound);
}
