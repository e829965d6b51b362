using System.Collections.Generic;

namespace Mindhunters.Model
{
    /// <summary>
    /// An agent's settings as the API sends them: a dictionary of <see cref="PlainObject"/>s, lists and values, which
    /// reads as its keys and values ("voice: {voice_id: v1}, text: {}") in Export-Csv and Format-Table.
    /// </summary>
    public sealed class AgentSettings : Dictionary<string, object?>
    {
        internal AgentSettings() : base(System.StringComparer.OrdinalIgnoreCase)
        {
        }

        public override string ToString() => PlainText.Of(this);
    }
}
