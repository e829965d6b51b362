using System.Collections.Generic;

namespace Mindhunters.Api.Raw
{
    /// <summary>A JSON object of a raw answer: its members in the order the server wrote them (the cmdlet makes a PSCustomObject of it).</summary>
    internal sealed class RawObject : List<KeyValuePair<string, object?>>
    {
        /// <summary>The first member named <paramref name="name"/> (exact case, as the API writes its names); null when there is none.</summary>
        public bool TryGet(string name, out object? value)
        {
            foreach (KeyValuePair<string, object?> member in this)
            {
                if (member.Key == name)
                {
                    value = member.Value;
                    return true;
                }
            }
            value = null;
            return false;
        }
    }
}
