// Compiled by Invoke-Benchmark.ps1 with Add-Type, with the other .cs files here: the module's own source-generated JSON context on bodies already in memory (parse cost alone).
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;

namespace Mindhunters.Bench
{
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
}
