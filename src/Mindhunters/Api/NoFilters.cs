using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>A listing with no filters (the API documents none for it).</summary>
    internal sealed class NoFilters : IListQuery
    {
        public static readonly NoFilters Instance = new NoFilters();

        public IEnumerable<KeyValuePair<string, string>> Filters()
        {
            yield break;
        }
    }
}
