using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>The filters of one listing, as query pairs; page and per_page are added per request.</summary>
    internal interface IListQuery
    {
        /// <summary>The filters that are set, with the values as the API wants them, in a fixed order.</summary>
        IEnumerable<KeyValuePair<string, string>> Filters();
    }
}
