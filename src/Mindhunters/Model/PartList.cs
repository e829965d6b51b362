using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Mindhunters.Model
{
    /// <summary>
    /// The guidelines, notes, procedures, steps or training of an agent: a read-only list that reads as its items
    /// ("Ask for the name first.; Confirm by SMS."), so Export-Csv and Format-Table show words, not a type name.
    /// </summary>
    public sealed class PartList<T> : ReadOnlyCollection<T>
    {
        internal PartList(IList<T> items) : base(items)
        {
        }

        internal static PartList<T> Empty => new PartList<T>(new T[0]);

        public override string ToString() => string.Join("; ", this.Select(item => item?.ToString()).ToArray());
    }
}
