using System.Collections.Concurrent;
using System.Threading;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The channel settings that PATCH requests changed, per number: what a later GET lists instead of the computed
    /// ones. The listing path reads without a lock (and costs one field read while nothing changed); a change costs the
    /// same whatever the number of changes before it, so a bulk write of 10,000 numbers is not slowed by the fake.
    /// </summary>
    internal sealed class ChannelSettingsStore
    {
        private readonly object _gate = new();
        private ConcurrentDictionary<int, (FakeChannel Voice, FakeChannel Sms, FakeInbound Inbound)> _changed = new();
        private volatile bool _any;

        /// <summary>The number as the API shows it now: with its changed settings, if any.</summary>
        public FakePhoneNumber Current(FakePhoneNumber number)
        {
            ConcurrentDictionary<int, (FakeChannel Voice, FakeChannel Sms, FakeInbound Inbound)> changed = Volatile.Read(ref _changed);
            return _any && changed.TryGetValue(number.Index, out var settings)
                ? number.WithChannels(settings.Voice, settings.Sms, settings.Inbound)
                : number;
        }

        /// <summary>Merges the given fields into the number's current settings and returns the number as it is now.</summary>
        public FakePhoneNumber Apply(FakePhoneNumber number, ChannelSettingsPatch patch)
        {
            lock (_gate)
            {
                FakePhoneNumber current = Current(number);
                FakeChannel voice = Merge(current.VoiceChannel, patch.Voice);
                FakeChannel sms = Merge(current.SmsChannel, patch.Sms);
                FakeInbound inbound = patch.Inbound is { } p
                    ? new FakeInbound(p.Enabled ?? current.Inbound.Enabled, p.ChannelLimit ?? current.Inbound.ChannelLimit)
                    : current.Inbound;
                _changed[number.Index] = (voice, sms, inbound);
                _any = true;
                return number.WithChannels(voice, sms, inbound);
            }
        }

        /// <summary>Forgets every change: the numbers are as computed again.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _any = false;
                Volatile.Write(ref _changed, new ConcurrentDictionary<int, (FakeChannel, FakeChannel, FakeInbound)>());
            }
        }

        private static FakeChannel Merge(FakeChannel current, ChannelPatch? patch) =>
            patch is null
                ? current
                : new FakeChannel(
                    patch.Enabled ?? current.Enabled,
                    patch.ChannelLimit ?? current.ChannelLimit,
                    patch.WhitelistedDestinations ?? current.WhitelistedDestinations);
    }
}
