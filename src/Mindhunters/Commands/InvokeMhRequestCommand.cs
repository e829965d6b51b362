using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Mindhunters.Api;
using Mindhunters.Api.Raw;

namespace Mindhunters.Commands
{
    /// <summary>
    /// A request to any API path through the module's connection and engine, as Invoke-MgGraphRequest is for Graph: the
    /// answer's "data" as PSCustomObjects, -All following the pages of either shape. Only paths below the base URI are sent.
    /// A raw request can do anything, buy a number included, so every method but GET asks first (ConfirmImpact High).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MhRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeMhRequestCommand : MhCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string Path { get; set; } = "";

        [Parameter(Position = 1)]
        [ValidateSet("Get", "Post", "Put", "Patch", "Delete")]
        public string Method { get; set; } = "Get";

        [Parameter]
        [ValidateNotNull]
        public Hashtable? Query { get; set; }

        [Parameter]
        public object? Body { get; set; }

        [Parameter]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            string method = Method.ToUpperInvariant();
            if (RawRequests.PathProblem(Path) is string pathProblem)
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException(pathProblem + " Nothing was sent."), "MhInvalidPath", Path));
                return;
            }
            string? problem = Body is not null && method == "GET" ? "-Body goes with -Method Post, Put, Patch or Delete; a GET sends none (give its values with -Query)."
                : All && method != "GET" ? "-All follows the pages of a GET; give -Method Get, or leave -All out."
                : All && Query is not null && Query.ContainsKey("page") ? "-All asks for every page from the first; leave page out of -Query (per_page may stay)."
                : null;
            List<KeyValuePair<string, string>> query;
            byte[]? body = null;
            try
            {
                if (problem is not null) throw new ArgumentException(problem);
                query = QueryPairs(Query);
                if (Body is not null) body = BodyBytes(Body);
            }
            catch (ArgumentException e)
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException(e.Message + " Nothing was sent."), "MhInvalidRequest", Path));
                return;
            }

            MhConnection connection = ResolveConnection();
            Uri uri;
            try
            {
                uri = RawRequests.UriOf(connection, Path, query);
            }
            catch (ArgumentException e)
            {
                Refuse(ErrorRecords.InvalidArgument(e, "MhInvalidPath", Path));
                return;
            }
            // A GET changes nothing: it runs under -WhatIf too, so a script previewed with -WhatIf still reads what it decides on.
            string shownPath = RawRequests.Normalize(Path);
            if (method != "GET" && !ShouldProcess($"{shownPath} on {connection.BaseUri.Host}", $"{method}{(body is null ? "" : $" with a JSON body of {body.Length} bytes")}")) return;

            try
            {
                if (All) WritePages(connection, query);
                else Write(Await(RawRequests.SendAsync(MhApiClient.Default, connection, new HttpMethod(method), uri, body, RawRequests.Operation(method, Path), Log, CancellationToken)), connection);
            }
            catch (MhApiException e)
            {
                WriteError(ErrorRecords.From(e, Path));
            }
        }

        private void WritePages(MhConnection connection, List<KeyValuePair<string, string>> query)
        {
            using RawPager pager = Await(RawPager.StartAsync(MhApiClient.Default, connection, Path, query, Log, CancellationToken));
            if (!pager.IsPage)
            {
                WriteVerboseLine("The answer is not a page (no data.items with data.pagination, and no data.data with current_page): -All has no pages to follow, and the answer is written as it is.");
                Write(pager.First, connection);
                return;
            }
            while (Await(pager.NextAsync()) is PageBatch<RawItem> batch)
            {
                foreach (RawItem item in batch.Items) WriteObject(ToPowerShell(item.Value));
            }
        }

        /// <summary>The answer's data, an array item by item (as ConvertFrom-Json does); its message in Verbose.</summary>
        private void Write(RawAnswer? answer, MhConnection connection)
        {
            if (answer is null) return;
            if (answer.Message is string message) WriteVerboseLine("The API said: " + ServerText.Clean(message, connection));
            if (!answer.HasData)
            {
                WriteVerboseLine("The answer has no data to write.");
                return;
            }
            if (answer.Data is object?[] items)
            {
                foreach (object? item in items) WriteObject(ToPowerShell(item));
            }
            else
            {
                WriteObject(ToPowerShell(answer.Data));
            }
        }

        /// <summary>A PSCustomObject for each JSON object (members in order; of names that differ only in case, the last), object[] for arrays.</summary>
        private static object? ToPowerShell(object? value)
        {
            switch (value)
            {
                case RawObject members:
                    var result = new PSObject();
                    foreach (KeyValuePair<string, object?> member in members)
                    {
                        if (result.Properties[member.Key] is not null) result.Properties.Remove(member.Key);
                        result.Properties.Add(new PSNoteProperty(member.Key, ToPowerShell(member.Value)));
                    }
                    return result;
                case object?[] items:
                    var converted = new object?[items.Length];
                    for (int i = 0; i < items.Length; i++) converted[i] = ToPowerShell(items[i]);
                    return converted;
                default:
                    return value;
            }
        }

        /// <summary>The query as name=value pairs: an array gives the name once per value, $null leaves the name out.</summary>
        private static List<KeyValuePair<string, string>> QueryPairs(Hashtable? query)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            if (query is null) return pairs;
            foreach (DictionaryEntry entry in query)
            {
                string name = entry.Key?.ToString() ?? "";
                if (name.Trim().Length == 0) throw new ArgumentException("-Query has an empty name.");
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                IEnumerable values = value is string || value is not IEnumerable list ? new[] { value } : list;
                foreach (object? one in values)
                {
                    object? plain = one is PSObject inner ? inner.BaseObject : one;
                    if (plain is null) continue;
                    if (plain is IDictionary or PSCustomObject) throw new ArgumentException($"-Query '{name}' holds an object; give a text, a number, a boolean or an array of them.");
                    string text = plain is bool flag ? (flag ? "true" : "false") : Convert.ToString(plain, CultureInfo.InvariantCulture) ?? "";
                    pairs.Add(new KeyValuePair<string, string>(name, text));
                }
            }
            return pairs;
        }

        /// <summary>A string is JSON as it is (checked before anything is sent); anything else is written as JSON the way ConvertTo-Json would.</summary>
        private static byte[] BodyBytes(object? body)
        {
            object? value = body is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : body;
            if (value is string json)
            {
                try
                {
                    using (JsonDocument.Parse(json))
                    {
                    }
                }
                catch (JsonException e)
                {
                    throw new ArgumentException($"-Body is a string that is not JSON ({e.Message}); give a hashtable or an object, or JSON text.");
                }
                return new UTF8Encoding(false).GetBytes(json);
            }
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                PlainJson.Write(writer, PlainValues.From(value, nameof(Body)));
            }
            return stream.ToArray();
        }
    }
}
