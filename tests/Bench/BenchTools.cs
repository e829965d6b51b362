// Compiled by Invoke-Benchmark.ps1 with Add-Type: what the benchmark measures besides the module and the loop.
//   Floor          a bare HttpClient that downloads the same pages and parses nothing (the "network allows" floor)
//   Parse          the module's own source-generated JSON context on bodies already in memory (parse cost alone)
//   EngineOnly     the module's page fetcher (request + parse), page after page, with no PowerShell around it
//   WriteBenchObject  a cmdlet that only writes objects it already has (PowerShell's per-item pipeline cost)
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Bench
{
    public static class Floor
    {
        private static readonly HttpClient Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

        /// <summary>GETs each URI in order, reads each body to its end, and returns the bytes read.</summary>
        public static long Download(string[] uris, string token, List<byte[]>? keepBodies = null)
        {
            long total = 0;
            var buffer = new byte[64 * 1024];
            foreach (string uri in uris)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                using HttpResponseMessage response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                using Stream body = response.Content.ReadAsStream();
                MemoryStream? copy = keepBodies is null ? null : new MemoryStream();
                int read;
                while ((read = body.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    copy?.Write(buffer, 0, read);
                }
                if (copy is not null) keepBodies!.Add(copy.ToArray());
            }
            return total;
        }
    }

    public static class Parse
    {
        /// <summary>The module's JsonTypeInfo for a whole list response, or null when the module no longer has it.</summary>
        public static JsonTypeInfo? ModuleTypeInfo(Assembly module)
        {
            Type? context = module.GetType("Mindhunters.Api.Json.MindhuntersJsonContext");
            object? instance = context?.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            return context?.GetProperty("PhoneNumberListResponse")?.GetValue(instance) as JsonTypeInfo;
        }

        /// <summary>Deserializes every body as the module does (DeserializeAsync on a stream); returns the elapsed ms.</summary>
        public static double All(IList<byte[]> bodies, JsonTypeInfo typeInfo)
        {
            Stopwatch watch = Stopwatch.StartNew();
            foreach (byte[] body in bodies)
            {
                using var stream = new MemoryStream(body, writable: false);
                if (JsonSerializer.DeserializeAsync(stream, typeInfo).AsTask().GetAwaiter().GetResult() is null) throw new InvalidDataException("A page parsed to null.");
            }
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    public static class EngineOnly
    {
        /// <summary>
        /// Fetches pages 1..pages with the module's MhApiClient (request, retries, parse), one after the other, with
        /// the current Connect-MhAccount connection and include_external=true. Null when the engine's shape changed.
        /// </summary>
        public static double? Fetch(Assembly module, int pages, int perPage)
        {
            Type? clientType = module.GetType("Mindhunters.Api.MhApiClient");
            Type? queryType = module.GetType("Mindhunters.Api.PhoneNumberQuery");
            Type? storeType = module.GetType("Mindhunters.Api.ConnectionStore");
            Type? logType = module.GetType("Mindhunters.Api.NullListingLog");
            object? client = clientType?.GetField("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            object? connection = storeType?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            object? log = logType?.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            Type? numberType = module.GetType("Mindhunters.Model.PhoneNumber");
            object? endpoint = module.GetType("Mindhunters.Api.Endpoints")?.GetField("PhoneNumbers", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            MethodInfo? get = numberType is null ? null : clientType?.GetMethod("GetPageAsync")?.MakeGenericMethod(numberType);
            if (client is null || connection is null || log is null || queryType is null || endpoint is null || get is null || get.GetParameters().Length != 8) return null;
            object query = Activator.CreateInstance(queryType, nonPublic: true)!;
            queryType.GetProperty("IncludeExternal")!.SetValue(query, (bool?)true);

            Stopwatch watch = Stopwatch.StartNew();
            for (int page = 1; page <= pages; page++)
            {
                var task = (Task)get.Invoke(client, new object?[] { connection, endpoint, query, page, perPage, log, null, CancellationToken.None })!;
                task.GetAwaiter().GetResult();
            }
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>Writes objects it already holds, one WriteObject each, as Get-MhPhoneNumber does.</summary>
    [Cmdlet(VerbsCommunications.Write, "BenchObject")]
    public sealed class WriteBenchObjectCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        protected override void ProcessRecord()
        {
            foreach (object item in InputObject) WriteObject(item);
        }
    }
}
