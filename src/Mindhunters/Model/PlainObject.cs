using System;
using System.Collections.Generic;

namespace Mindhunters.Model
{
    /// <summary>
    /// An object whose shape the API pages do not show (a compliance requirement, an agent's voice settings), kept as
    /// it came: keys in the order sent, values that are text, numbers, booleans, <see cref="PlainObject"/>s and
    /// <see cref="PlainList"/>s. $x.key and $x['key'] read a value (keys ignore case); it reads as
    /// "type: address, description: Proof of address" in a table or a CSV cell, not as a .NET type name.
    /// </summary>
    public sealed class PlainObject : Dictionary<string, object?>
    {
        internal PlainObject() : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public override string ToString() => PlainText.Of(this);
    }
}
