// Compiled by Invoke-Benchmark.ps1 with Add-Type, with the other .cs files here: the module's page fetcher (request + parse), page after page, with no PowerShell around it.
#nullable enable
using System;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Bench
{
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
}
