using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Mindhunters.FakeApi;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The one fake API process of the test run, which every test shares through scopes of its own. build.ps1 starts it
    /// for the whole run and names it in MINDHUNTERS_FAKE_API; a test run without that (dotnet test alone) starts the
    /// build's out/FakeApi once, on first use, and it ends with the test process (it watches its standard input).
    /// A static instance rather than a collection fixture: xunit 2 has no assembly fixture, and a collection fixture
    /// would put every class in one collection and so run them one after another.
    /// </summary>
    internal sealed class FakeApiProcess
    {
        /// <summary>The environment variable that names a running fake API: its root, http://127.0.0.1:{port}/.</summary>
        public const string AddressVariable = "MINDHUNTERS_FAKE_API";

        private const string ListeningPrefix = "FakeApi listening on ";
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
        private static readonly Lazy<Task<FakeApiProcess>> Instance = new(StartOrFindAsync);

        private FakeApiProcess(Uri root)
        {
            Root = root;
        }

        /// <summary>The process's root, http://127.0.0.1:{port}/; scopes are below it.</summary>
        public Uri Root { get; }

        /// <summary>
        /// Control requests use the runtime's own HttpClient (Mono's on net472), like the engine under test: nothing
        /// else is loaded for them.
        /// </summary>
        internal static HttpClient Control { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        public static Task<FakeApiProcess> SharedAsync() => Instance.Value;

        /// <summary>A new scope with <paramref name="settings"/>: its own base URI, data, faults and request log.</summary>
        public async Task<FakeApiScope> CreateScopeAsync(ScopeSettings settings)
        {
            using var content = new StringContent(FakeApiJson.Write(settings), Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await Control.PostAsync(new Uri(Root, "_fake/scopes"), content).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The fake API refused the scope ({(int)response.StatusCode}): {body}");
            }

            using JsonDocument answer = JsonDocument.Parse(body);
            return new FakeApiScope(this, answer.RootElement.GetProperty("id").GetString()!,
                new Uri(answer.RootElement.GetProperty("base_uri").GetString()!), settings);
        }

        private static async Task<FakeApiProcess> StartOrFindAsync()
        {
            if (Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address)
            {
                return new FakeApiProcess(new Uri(address));
            }

            string dll = RepositoryPaths.BuiltFile("FakeApi", "Mindhunters.FakeApi.dll");
            var start = new ProcessStartInfo(DotnetHost(), $"\"{dll}\" --port 0 --stdin-watch")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                CreateNoWindow = true,
            };
            Process process = Process.Start(start) ?? throw new InvalidOperationException("The fake API process did not start.");

            // It exits when our end of its standard input closes: with this process, however this process ends.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);
            Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(firstLine, Task.Delay(StartTimeout)).ConfigureAwait(false) != firstLine)
            {
                Stop(process);
                throw new TimeoutException($"The fake API ({dll}) printed nothing within {StartTimeout.TotalSeconds} s.");
            }

            string? line = await firstLine.ConfigureAwait(false);
            if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                Stop(process);
                throw new InvalidOperationException($"The fake API ({dll}) did not start: its first line was '{line}'.");
            }

            return new FakeApiProcess(new Uri(line.Substring(ListeningPrefix.Length).Trim() + "/"));
        }

        private static void Stop(Process process)
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(5000))
                {
                    process.Kill();
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                // It has already exited.
            }
        }

        // dotnet test tells its children which dotnet runs it; a plain `dotnet` from PATH otherwise.
        private static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is string host && File.Exists(host) ? host : "dotnet";
    }
}
