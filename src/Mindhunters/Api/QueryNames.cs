
namespace Mindhunters.Api
{
    /// <summary>The API's query parameter names, each written once.</summary>
    internal static class QueryNames
    {
        public const string Page = "page";
        public const string PerPage = "per_page";
        public const string Status = "status";
        public const string CountryCode = "country_code";
        public const string Type = "type";
        public const string Compliance = "compliance";

        // The page describes "Free-text search on number or country" but prints no parameter name for it;
        // "search" is the name the platform's other list endpoints use. Change it here and nowhere else.
        public const string Search = "search";

        public const string BoundToAgentUuid = "bound_to_agent_uuid";
        public const string Sort = "sort";
        public const string IncludeExternal = "include_external";

        /// <summary>GET /api/v1/phone-numbers/rates: destination prefix, "starts with".</summary>
        public const string Prefix = "prefix";
    }
}
