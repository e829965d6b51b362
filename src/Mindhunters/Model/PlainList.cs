using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Mindhunters.Model
{
    /// <summary>A list inside a <see cref="PlainObject"/>: read-only, and read as its items ("a; b"), not as a .NET type name.</summary>
    public sealed class PlainList : ReadOnlyCollection<object?>
    {
        internal PlainList(IList<object?> items) : base(items)
        {
        }

        public override string ToString() => PlainText.Of(this);
    }
}
