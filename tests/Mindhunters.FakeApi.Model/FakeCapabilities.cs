namespace Mindhunters.FakeApi
{
    /// <summary>capabilities{...}; the JSON also carries an extra "rcs": false that the seed page does not list.</summary>
    public sealed record FakeCapabilities(bool Voice, bool Sms, bool Mms, bool Fax, bool Emergency, bool LocalCalling);
}
