using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Reads and validates the query string the way the Laravel API does: values are trimmed, an empty value counts
    /// as absent, the last of repeated names wins, enum values are case-sensitive, unknown names are ignored.
    /// </summary>
    internal static class QueryParser
    {
        public const int DefaultPerPage = 25;
        public const int MaxPerPage = 100;

        private static readonly string[] IncludeExternalValues = { "0", "1", "true", "false" };

        public static ListingRequest? Parse(IQueryCollection query, out List<KeyValuePair<string, string>> errors)
        {
            errors = new List<KeyValuePair<string, string>>();

            (long page, int perPage) = Paging(query, DefaultPerPage, MaxPerPage, errors);

            string? status = Enum(query, "status", FakeData.Statuses, errors);
            string? countryCode = Value(query, "country_code");
            string? type = Enum(query, "type", FakeData.Types, errors);
            string? compliance = Enum(query, "compliance", FakeData.ComplianceStatuses, errors);
            string? search = Value(query, "search");

            Guid? agent = null;
            string? agentText = Value(query, "bound_to_agent_uuid");
            if (agentText is not null)
            {
                if (Guid.TryParseExact(agentText, "D", out Guid parsed))
                {
                    agent = parsed;
                }
                else
                {
                    errors.Add(new("bound_to_agent_uuid", "The bound to agent uuid field must be a valid UUID."));
                }
            }

            string sort = Enum(query, "sort", FakeData.Sorts, errors) ?? FakeData.SortCreatedAt;
            string? includeExternal = Enum(query, "include_external", IncludeExternalValues, errors);

            if (errors.Count > 0)
            {
                return null;
            }

            var fakeQuery = new FakeQuery
            {
                Status = status,
                CountryCode = countryCode,
                Type = type,
                Compliance = compliance,
                Search = search,
                BoundToAgentUuid = agent,
                Sort = sort,
                IncludeExternal = includeExternal is "1" or "true",
            };
            return new ListingRequest(fakeQuery, page, perPage);
        }

        /// <summary>page (>= 1, default 1) and per_page (1..<paramref name="maxPerPage"/>), as every list endpoint reads them.</summary>
        public static (long Page, int PerPage) Paging(IQueryCollection query, int defaultPerPage, int maxPerPage, List<KeyValuePair<string, string>> errors)
        {
            long page = 1;
            string? pageText = Value(query, "page");
            if (pageText is not null)
            {
                if (!TryParseInteger(pageText, out page))
                {
                    errors.Add(new("page", "The page field must be an integer."));
                }
                else if (page < 1)
                {
                    errors.Add(new("page", "The page field must be at least 1."));
                }
            }

            long perPage = defaultPerPage;
            string? perPageText = Value(query, "per_page");
            if (perPageText is not null)
            {
                if (!TryParseInteger(perPageText, out perPage))
                {
                    errors.Add(new("per_page", "The per page field must be an integer."));
                }
                else if (perPage < 1)
                {
                    errors.Add(new("per_page", "The per page field must be at least 1."));
                }
                else if (perPage > maxPerPage)
                {
                    errors.Add(new("per_page", string.Create(CultureInfo.InvariantCulture, $"The per page field must not be greater than {maxPerPage}.")));
                }
            }

            return (page, errors.Count == 0 ? (int)perPage : defaultPerPage);
        }

        /// <summary>The trimmed last value of <paramref name="name"/>; null when absent or empty.</summary>
        public static string? Value(IQueryCollection query, string name)
        {
            if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
            {
                return null;
            }

            string? last = values[values.Count - 1];
            if (last is null)
            {
                return null;
            }

            last = last.Trim();
            return last.Length == 0 ? null : last;
        }

        private static string? Enum(IQueryCollection query, string name, IReadOnlyList<string> allowed, List<KeyValuePair<string, string>> errors)
        {
            string? value = Value(query, name);
            if (value is null)
            {
                return null;
            }

            foreach (string candidate in allowed)
            {
                if (string.Equals(candidate, value, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }

            errors.Add(new(name, $"The selected {name.Replace('_', ' ')} is invalid."));
            return null;
        }

        private static bool TryParseInteger(string text, out long value) =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
