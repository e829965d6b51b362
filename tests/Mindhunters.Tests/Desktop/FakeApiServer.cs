using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Tests.Desktop;

// net472 only (see Mindhunters.Tests.csproj). ASP.NET Core cannot load on .NET Framework, so on net472 the fake
// API runs as a child process (the build's out/FakeApi) and these classes give the tests the same surface as the
// in-process server of tests/Mindhunters.FakeApi: same names, same namespace, so a test file compiles for both
// targets unchanged. Only the engine under test runs on .NET Framework; the fake stays on .NET 10.
namespace Mindhunters.FakeApi
{
    /// <summary>How to start a <see cref="FakeApiServer"/> (the subset of the in-process options that the tests use).</summary>
    public sealed class FakeApiOptions
    {
        /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>How many phone numbers the data set has (items 1..Count); default 250.</summary>
        public int Count { get; set; } = 250;

        /// <summary>The bearer token the endpoint accepts; default "test-token".</summary>
        public string Token { get; set; } = "test-token";
    }

    /// <summary>
    /// A fake Mindhunters API in a child process (`dotnet out/FakeApi/Mindhunters.FakeApi.dll`), driven through its
    /// control endpoints (/_fake/faults, /_fake/requests, /_fake/count; tests/Mindhunters.FakeApi/README.md).
    /// </summary>
    public sealed class FakeApiServer : IAsyncDisposable
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
        private const string ListeningPrefix = "FakeApi listening on ";

        // The control calls use Mono's own HttpClient, like the engine: nothing else is on this runtime.
        private static readonly HttpClient Control = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        private readonly Process _process;
        private int _disposed;

        private FakeApiServer(Process process, Uri baseUri, string token)
        {
            _process = process;
            BaseUri = baseUri;
            Token = token;
            Faults = new RemoteFaults(this);
        }

        /// <summary>http://127.0.0.1:{port} (no trailing path).</summary>
        public Uri BaseUri { get; }

        /// <summary>The TCP port the server listens on.</summary>
        public int Port => BaseUri.Port;

        /// <summary>The bearer token the endpoint accepts.</summary>
        public string Token { get; }

        /// <summary>The live fault settings of the child process: every read and write is a control request.</summary>
        public RemoteFaults Faults { get; }

        /// <summary>The size of the data set; set it live, as PUT /_fake/count?value=N does.</summary>
        public int Count
        {
            get => JsonNode.Parse(Send(HttpMethod.Get, "/_fake/count"))!["count"]!.GetValue<int>();
            set => Send(HttpMethod.Put, "/_fake/count?value=" + value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>How many agents GET /api/v1/agents lists; set it live, as PUT /_fake/agent-count?value=N does.</summary>
        public int AgentCount
        {
            get => JsonNode.Parse(Send(HttpMethod.Get, "/_fake/agent-count"))!["count"]!.GetValue<int>();
            set => Send(HttpMethod.Put, "/_fake/agent-count?value=" + value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>A snapshot of the requests of the API endpoints (/api/v1/...) so far, oldest first.</summary>
        public IReadOnlyList<RecordedRequest> Requests
        {
            get
            {
                var requests = new List<RecordedRequest>();
                using JsonDocument document = JsonDocument.Parse(Send(HttpMethod.Get, "/_fake/requests"));
                foreach (JsonElement r in document.RootElement.EnumerateArray())
                {
                    requests.Add(new RecordedRequest(r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!,
                        r.GetProperty("query").GetString()!, r.GetProperty("had_authorization").GetBoolean(), r.GetProperty("status").GetInt32(),
                        OptionalString(r, "content_type"), OptionalString(r, "body")));
                }
                return requests;
            }
        }

        private static string? OptionalString(JsonElement request, string name) =>
            request.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

        /// <summary>Forgets the recorded requests.</summary>
        public void ClearRequests() => Send(HttpMethod.Delete, "/_fake/requests");

        /// <summary>Starts the built fake API on 127.0.0.1 and returns once it accepts connections.</summary>
        public static async Task<FakeApiServer> StartAsync(FakeApiOptions options)
        {
            string fakeApiDll = RepositoryPaths.BuiltFile("FakeApi", "Mindhunters.FakeApi.dll");
            var start = new ProcessStartInfo(DotnetHost(), string.Join(" ", new[]
            {
                Quote(fakeApiDll),
                "--port", options.Port.ToString(CultureInfo.InvariantCulture),
                "--count", options.Count.ToString(CultureInfo.InvariantCulture),
                "--token", Quote(options.Token),
                // It exits when our end of its standard input closes: a test host that dies takes it along.
                "--stdin-watch",
            }))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                CreateNoWindow = true,
            };
            Process process = Process.Start(start) ?? throw new InvalidOperationException("The fake API process did not start.");
            try
            {
                Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
                if (await Task.WhenAny(firstLine, Task.Delay(StartTimeout)).ConfigureAwait(false) != firstLine)
                {
                    throw new TimeoutException($"The fake API printed nothing within {StartTimeout.TotalSeconds} s.");
                }
                string? line = await firstLine.ConfigureAwait(false);
                if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The fake API did not start: its first line was '{line}'.");
                }
                var server = new FakeApiServer(process, new Uri(line.Substring(ListeningPrefix.Length).Trim()), options.Token);
                await server.WarmUpAsync().ConfigureAwait(false);
                return server;
            }
            catch
            {
                Stop(process);
                throw;
            }
        }

        /// <summary>
        /// Every test starts its own child process, whose first answer (the server's JIT, and Mono's HTTP code in
        /// this one) can take longer than a second on a loaded machine: longer than the 1 s attempts some tests time.
        /// One listing request is served before the test starts, and forgotten.
        /// </summary>
        private async Task WarmUpAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, "/api/v1/phone-numbers?per_page=1"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using HttpResponseMessage response = await Control.SendAsync(request).ConfigureAwait(false);
            await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The fake API's warm-up listing answered {(int)response.StatusCode}.");
            await Task.Run(ClearRequests).ConfigureAwait(false);
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Stop(_process);
            return default;
        }

        private static void Stop(Process process)
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit((int)StopTimeout.TotalMilliseconds)) process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It has already exited.
            }
            finally
            {
                process.Dispose();
            }
        }

        /// <summary>One control request, made synchronously: the in-process server's members are plain properties.</summary>
        internal string Send(HttpMethod method, string pathAndQuery, string? jsonBody = null)
        {
            return Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(method, new Uri(BaseUri, pathAndQuery));
                if (jsonBody is not null) request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
                using HttpResponseMessage response = await Control.SendAsync(request).ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{method} {pathAndQuery} -> {(int)response.StatusCode}: {body}");
                }
                return body;
            }).GetAwaiter().GetResult();
        }

        // dotnet test tells its children which dotnet runs it; a plain `dotnet` from PATH otherwise.
        private static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is string host && File.Exists(host) ? host : "dotnet";

        private static string Quote(string argument) => "\"" + argument.Replace("\"", "\\\"") + "\"";
    }

    /// <summary>
    /// The fault settings of a fake API process, with the names of the in-process FaultOptions. A write reads the
    /// settings, changes one and posts them all back (POST /_fake/faults replaces the whole set), so a counted fault
    /// the server is using up is not reset by a write to another one, except by a request in that short window.
    /// </summary>
    public sealed class RemoteFaults
    {
        private readonly FakeApiServer _server;

        internal RemoteFaults(FakeApiServer server) => _server = server;

        public int LatencyMs { get => GetInt("latency_ms"); set => Set("latency_ms", value); }
        public int Fail429 { get => GetInt("fail_429"); set => Set("fail_429", value); }
        public string? RetryAfter { get => GetString("retry_after"); set => Set("retry_after", value); }
        public int Fail5xx { get => GetInt("fail_5xx"); set => Set("fail_5xx", value); }
        public int FailStatus { get => GetInt("fail_status"); set => Set("fail_status", value); }
        public int HtmlError { get => GetInt("html_error"); set => Set("html_error", value); }
        public int TruncateJson { get => GetInt("truncate_json"); set => Set("truncate_json", value); }
        public int ResetMidBody { get => GetInt("reset_mid_body"); set => Set("reset_mid_body", value); }
        public int StallBody { get => GetInt("stall_body"); set => Set("stall_body", value); }
        public int StallMs { get => GetInt("stall_ms"); set => Set("stall_ms", value); }
        public bool HasMoreForever { get => GetBool("has_more_forever"); set => Set("has_more_forever", value); }
        public bool RepeatPage { get => GetBool("repeat_page"); set => Set("repeat_page", value); }
        public bool StuckPage { get => GetBool("stuck_page"); set => Set("stuck_page", value); }
        public int RedirectToPort { get => GetInt("redirect_to_port"); set => Set("redirect_to_port", value); }
        public int StatusOverride { get => GetInt("status_override"); set => Set("status_override", value); }
        public int OverrideStatus { get => GetInt("override_status"); set => Set("override_status", value); }
        public string? OverrideBody { get => GetString("override_body"); set => Set("override_body", value); }

        /// <summary>All faults off.</summary>
        public void Reset() => _server.Send(HttpMethod.Delete, "/_fake/faults");

        public override string ToString() => Read().ToJsonString();

        private JsonObject Read() => JsonNode.Parse(_server.Send(HttpMethod.Get, "/_fake/faults"))!.AsObject();

        private int GetInt(string name) => Read()[name]!.GetValue<int>();

        private bool GetBool(string name) => Read()[name]!.GetValue<bool>();

        private string? GetString(string name) => Read()[name]?.GetValue<string>();

        private void Set(string name, JsonNode? value)
        {
            JsonObject faults = Read();
            faults[name] = value;
            _server.Send(HttpMethod.Post, "/_fake/faults", faults.ToJsonString());
        }
    }
}
