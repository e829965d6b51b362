using System;
using System.Text.Json.Serialization.Metadata;
using Mindhunters.Api.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// One list endpoint of the API. Every list shares the envelope and the pagination, so this is all that differs:
    /// its path, what its items are called in messages, its largest page, its item type and how an item is recognised.
    /// </summary>
    internal sealed class ListEndpoint<T> where T : class
    {
        public ListEndpoint(string path, string noun, string command, int maxPerPage, JsonTypeInfo<ListResponse<T>> responseType, JsonTypeInfo<T> itemType, Func<T, Guid> id)
        {
            Path = path;
            Noun = noun;
            Command = command;
            MaxPerPage = maxPerPage;
            ResponseType = responseType;
            ItemType = itemType;
            Id = id;
        }

        /// <summary>Relative to the connection's base URI: "api/v1/phone-numbers".</summary>
        public string Path { get; }

        /// <summary>"phone numbers": "Listing phone numbers failed on page 2: …".</summary>
        public string Noun { get; }

        /// <summary>The cmdlet whose help explains the values: errors point at it.</summary>
        public string Command { get; }

        /// <summary>The largest per_page the API takes: -PerPage's range, and the page size when none is given.</summary>
        public int MaxPerPage { get; }

        public JsonTypeInfo<ListResponse<T>> ResponseType { get; }

        /// <summary>An item as JSON: items without a uuid are told apart by their whole content (<see cref="ItemIdentities{T}"/>).</summary>
        public JsonTypeInfo<T> ItemType { get; }

        /// <summary>The item's uuid, Guid.Empty when it has none: an item listed twice is written once.</summary>
        public Func<T, Guid> Id { get; }
    }
}
