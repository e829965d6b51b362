using System.Collections.Generic;
using System.Linq;

namespace Mindhunters.Model
{
    /// <summary>
    /// An agent's settings as the API sends them: a plain dictionary of dictionaries, lists and values, which reads
    /// as its keys ("voice, text, memorize, evaluation") in Export-Csv and Format-Table.
    /// </summary>
    public sealed class AgentSettings : Dictionary<string, object?>
    {
        internal AgentSettings() : base(System.StringComparer.OrdinalIgnoreCase)
        {
        }

        public override string ToString() => string.Join(", ", Keys.ToArray());
    }
}
