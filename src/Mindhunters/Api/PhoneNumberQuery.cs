using System;
using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>The filters of one listing; page and per_page are added per request.</summary>
    internal sealed class PhoneNumberQuery : IListQuery
    {
        public string? Status { get; init; }
        public string? CountryCode { get; init; }
        public string? Type { get; init; }
        public string? Compliance { get; init; }
        public string? Search { get; init; }
        public Guid? BoundToAgentUuid { get; init; }
        public string? Sort { get; init; }

        /// <summary>Null: not sent at all, so the server's default applies.</summary>
        public bool? IncludeExternal { get; init; }

        /// <summary>The filters that are set, with the values as the API wants them.</summary>
        public IEnumerable<KeyValuePair<string, string>> Filters()
        {
            if (!string.IsNullOrEmpty(Status)) yield return Pair(QueryNames.Status, Status!.ToLowerInvariant());
            if (!string.IsNullOrEmpty(CountryCode)) yield return Pair(QueryNames.CountryCode, CountryCodes.Normalize(CountryCode!));
            if (!string.IsNullOrEmpty(Type)) yield return Pair(QueryNames.Type, Type!.ToLowerInvariant());
            if (!string.IsNullOrEmpty(Compliance)) yield return Pair(QueryNames.Compliance, Compliance!.ToLowerInvariant());
            if (!string.IsNullOrEmpty(Search)) yield return Pair(QueryNames.Search, Search!);
            if (BoundToAgentUuid is Guid agent) yield return Pair(QueryNames.BoundToAgentUuid, agent.ToString("D"));
            if (!string.IsNullOrEmpty(Sort)) yield return Pair(QueryNames.Sort, Sort!.ToLowerInvariant());
            if (IncludeExternal is bool include) yield return Pair(QueryNames.IncludeExternal, include ? "true" : "false");
        }

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
