using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api.Json;

namespace Mindhunters.Api.Raw
{
    /// <summary>
    /// A request to any path of the API through the module's connection and engine (Invoke-MhRequest): the same retries
    /// (a POST never sent again once it may have arrived), time limit, size limit, cleaning, redaction and error mapping.
    /// The path is checked before anything is sent: only paths below the connection's base URI, so the token never
    /// leaves its host.
    /// </summary>
    internal static class RawRequests
    {
        /// <summary>What is wrong with <paramref name="path"/>, in words; null when it is a path below the base URI.</summary>
        public static string? PathProblem(string? path)
        {
            string text = path ?? "";
            const string below = "give the path below the connection's base URI, such as api/v1/agents";
            if (text.Trim().Length == 0) return $"-Path is empty: {below}.";
            if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return $"-Path '{Shown(text)}' has a space or a control character: {below}.";
            if (text.Contains("://") || System.Text.RegularExpressions.Regex.IsMatch(text, "^[A-Za-z][A-Za-z0-9+.-]*:"))
            {
                return $"-Path '{Shown(text)}' is an absolute URL: requests go only to the connection's base URI (Get-MhContext), so the token never reaches another host; {below}.";
            }
            string trimmed = text.StartsWith("/", StringComparison.Ordinal) && !text.StartsWith("//", StringComparison.Ordinal) ? text.Substring(1) : text;
            if (trimmed.StartsWith("/", StringComparison.Ordinal) || trimmed.Contains("//")) return $"-Path '{Shown(text)}' has '//', which could name another host; {below}.";
            if (trimmed.Contains('\\')) return $"-Path '{Shown(text)}' has a backslash; {below}.";
            if (trimmed.Split('/').Any(segment => segment is "." or "..") || trimmed.IndexOf("%2e", StringComparison.OrdinalIgnoreCase) >= 0
                || trimmed.IndexOf("%2f", StringComparison.OrdinalIgnoreCase) >= 0 || trimmed.IndexOf("%5c", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return $"-Path '{Shown(text)}' steps out of the API with '..' (or an encoded '.', '/' or '\\'); {below}.";
            }
            if (trimmed.IndexOfAny(new[] { '?', '#' }) >= 0) return $"-Path '{Shown(text)}' has a query or a fragment: give the query with -Query, such as -Query @{{ page = 2 }}.";
            if (!trimmed.StartsWith("api/", StringComparison.OrdinalIgnoreCase)) return $"-Path '{Shown(text)}' is not an API path: the API's paths start with api/, such as api/v1/{trimmed.TrimStart('/')}.";
            return null;
        }

        /// <summary>The path as it is sent: without the one leading '/' a path copied from the API reference has.</summary>
        public static string Normalize(string path) => path.StartsWith("/", StringComparison.Ordinal) ? path.Substring(1) : path;

        /// <summary>
        /// The request's address: the base URI, the path and the query. It must still be below the base URI once .NET has
        /// parsed it; anything else is refused (a second check behind <see cref="PathProblem"/>).
        /// </summary>
        public static Uri UriOf(MhConnection connection, string path, IEnumerable<KeyValuePair<string, string>> query)
        {
            var text = new StringBuilder(connection.EndpointUri(Normalize(path)));
            char separator = '?';
            foreach (KeyValuePair<string, string> pair in query)
            {
                text.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
                separator = '&';
            }
            var uri = new Uri(text.ToString());
            Uri root = connection.BaseUri;
            if (uri.Scheme != root.Scheme || uri.Authority != root.Authority || !uri.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal))
            {
                throw new ArgumentException($"-Path '{Shown(path)}' leads out of the base URI {root}; nothing was sent.");
            }
            return uri;
        }

        /// <summary>One request; the answer, or null when it had no body.</summary>
        /// <param name="what">"GET api/v1/contacts": what the errors say failed.</param>
        public static Task<RawAnswer?> SendAsync(MhApiClient client, MhConnection connection, HttpMethod method, Uri uri, byte[]? body, ApiOperation operation,
            IListingLog log, CancellationToken cancellationToken) =>
            client.SendAsync(connection, method, uri, body, operation, log, null, cancellationToken,
                async (response, elapsed, token) =>
                {
                    RawAnswer? answer;
                    using (var allowance = new PageAllowance(null))
                    {
                        answer = await MhApiClient.ParseAsync(connection, response, MindhuntersJsonContext.Default.RawAnswer, operation, allowance, token, allowEmpty: true).ConfigureAwait(false);
                    }
                    string line = $"{method} {uri} -> {ApiErrors.StatusText(response, connection)} in {elapsed.ElapsedMilliseconds} ms";
                    log.Verbose(answer is null ? line + ", no body" : line);
                    if (answer?.Success == false) throw WriteErrors.Refused(connection, response, answer.Message, operation);
                    return answer;
                }, idempotent: method != HttpMethod.Post);

        /// <param name="method">The method as the command names it: "GET".</param>
        /// <param name="path">The path as given.</param>
        public static ApiOperation Operation(string method, string path) =>
            ApiOperation.Write($"{method} {Shown(Normalize(path))}", "Invoke-MhRequest",
                "Check the path: the API has no such endpoint or object (the API reference lists the paths), and the base URI (Get-MhContext).",
                whenUnsure: method == "POST" ? $"The POST to {Shown(Normalize(path))} may have been done: check its effect (list what it creates) before you send it again." : null);

        private static string Shown(string text) => MhConnection.Shown(text);
    }
}
