using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// One trunk row: a number on one channel ("call" or "whatsapp") with the agent that answers, the direction, the
    /// name, the SIP settings (stored, never listed: the list shows no sip) and the additional settings.
    /// </summary>
    internal sealed record FakeTrunk(string Channel, FakeAgentItem? Agent, string Direction, string Name, IReadOnlyDictionary<string, string> Sip, JsonObject? AdditionalSettings);
}
