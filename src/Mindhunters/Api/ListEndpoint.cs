using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Mindhunters.Api.Json;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>The filters of one listing, as query pairs; page and per_page are added per request.</summary>
    internal interface IListQuery
    {
        /// <summary>The filters that are set, with the values as the API wants them, in a fixed order.</summary>
        IEnumerable<KeyValuePair<string, string>> Filters();
    }

    internal static class QueryString
    {
        /// <summary>"page=2&amp;per_page=100&amp;status=active…": page first, then the filters.</summary>
        public static string Of(int page, int perPage, IListQuery query)
        {
            var text = new StringBuilder(128);
            Append(text, QueryNames.Page, page.ToString(CultureInfo.InvariantCulture));
            Append(text, QueryNames.PerPage, perPage.ToString(CultureInfo.InvariantCulture));
            foreach (KeyValuePair<string, string> filter in query.Filters()) Append(text, filter.Key, filter.Value);
            return text.ToString();
        }

        private static void Append(StringBuilder text, string name, string value)
        {
            if (text.Length > 0) text.Append('&');
            text.Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    /// <summary>A listing with no filters (the API documents none for it).</summary>
    internal sealed class NoFilters : IListQuery
    {
        public static readonly NoFilters Instance = new NoFilters();

        public IEnumerable<KeyValuePair<string, string>> Filters()
        {
            yield break;
        }
    }

    /// <summary>
    /// One list endpoint of the API. Every list shares the envelope and the pagination, so this is all that differs:
    /// its path, what its items are called in messages, its largest page, its item type and how an item is recognised.
    /// </summary>
    internal sealed class ListEndpoint<T> where T : class
    {
        public ListEndpoint(string path, string noun, string command, int maxPerPage, JsonTypeInfo<ListResponse<T>> responseType, Func<T, Guid> id, Func<T, string?> key)
        {
            Path = path;
            Noun = noun;
            Command = command;
            MaxPerPage = maxPerPage;
            ResponseType = responseType;
            Id = id;
            Key = key;
        }

        /// <summary>Relative to the connection's base URI: "api/v1/phone-numbers".</summary>
        public string Path { get; }

        /// <summary>"phone numbers": "Listing phone numbers failed on page 2: …".</summary>
        public string Noun { get; }

        /// <summary>The cmdlet whose help explains the values: errors point at it.</summary>
        public string Command { get; }

        public int MaxPerPage { get; }

        public JsonTypeInfo<ListResponse<T>> ResponseType { get; }

        /// <summary>The item's uuid, Guid.Empty when it has none: an item listed twice is written once.</summary>
        public Func<T, Guid> Id { get; }

        /// <summary>What tells items without a uuid apart: a page of such items that repeats an earlier one ends the listing.</summary>
        public Func<T, string?> Key { get; }
    }

    /// <summary>The endpoints the module lists.</summary>
    internal static class Endpoints
    {
        public static readonly ListEndpoint<PhoneNumber> PhoneNumbers = new ListEndpoint<PhoneNumber>(
            "api/v1/phone-numbers", "phone numbers", "Get-MhPhoneNumber", PhoneNumberQuery.MaxPerPage, MindhuntersJsonContext.Default.PhoneNumberListResponse,
            number => number.PhoneNumberUuid, number => number.Number);

        // The agents page shows neither query parameters nor pagination: it is paged like the phone numbers
        // (page, per_page up to 100, the same pagination block), the documented shape of the other lists.
        public static readonly ListEndpoint<Agent> Agents = new ListEndpoint<Agent>(
            "api/v1/agents", "agents", "Get-MhAgent", 100, MindhuntersJsonContext.Default.AgentListResponse,
            agent => agent.AgentUuid, agent => agent.Name);

        // Rates carry no uuid: a rate is its country, destination prefix and origination together.
        public static readonly ListEndpoint<PhoneNumberRate> PhoneNumberRates = new ListEndpoint<PhoneNumberRate>(
            "api/v1/phone-numbers/rates", "call rates", "Get-MhPhoneNumberRate", PhoneNumberRateQuery.MaxPerPage,
            MindhuntersJsonContext.Default.PhoneNumberRateListResponse,
            rate => Guid.Empty, rate => rate.CountryCode + "|" + rate.DestinationPrefix + "|" + rate.Origination);
    }
}
