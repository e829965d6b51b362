using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Mindhunters.FakeApi;

namespace Mindhunters.Tests
{
    /// <summary>
    /// One test's scope of the shared fake API: point the engine at <see cref="BaseUri"/>; what happens there (its
    /// requests, faults, data set size, PATCHed settings) is this test's alone. The members are plain properties, each
    /// a control request (tests/Mindhunters.FakeApi/README.md). Dispose it at the end of the test: the scope is dropped.
    /// </summary>
    public sealed class FakeApiScope : IAsyncDisposable
    {
        private readonly FakeApiProcess _process;
        private readonly string _id;

        internal FakeApiScope(FakeApiProcess process, string id, Uri baseUri, ScopeSettings settings)
        {
            _process = process;
            _id = id;
            BaseUri = baseUri;
            Token = settings.Token;
        }

        /// <summary>http://127.0.0.1:{port}/s/{id}/ (with the trailing '/', as the module wants a base URI).</summary>
        public Uri BaseUri { get; }

        /// <summary>The bearer token the scope's endpoints accept.</summary>
        public string Token { get; }

        /// <summary>The size of the data set (numbers 1..Count); setting it changes it live.</summary>
        public int Count
        {
            get => ReadCount("_fake/count");
            set => Send(HttpMethod.Put, "_fake/count?value=" + value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>How many agents GET /api/v1/agents lists; setting it changes it live.</summary>
        public int AgentCount
        {
            get => ReadCount("_fake/agent-count");
            set => Send(HttpMethod.Put, "_fake/agent-count?value=" + value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>The fault settings now (a counted fault shows what is left of it); setting them replaces them all.</summary>
        public FaultSettings Faults
        {
            get => FakeApiJson.Read<FaultSettings>(Send(HttpMethod.Get, "_fake/faults"));
            set => Send(HttpMethod.Post, "_fake/faults", FakeApiJson.Write(value));
        }

        /// <summary>The requests of the API endpoints and hostile modes so far, oldest first.</summary>
        public IReadOnlyList<RecordedRequest> Requests => FakeApiJson.Read<List<RecordedRequest>>(Send(HttpMethod.Get, "_fake/requests"));

        /// <summary>The scope's requests being served now (each recorded request also says how many were when it arrived).</summary>
        public int InFlight => ReadCount("_fake/in-flight");

        /// <summary>Starts a new scope of the shared fake API (the process starts on first use).</summary>
        public static async Task<FakeApiScope> CreateAsync(ScopeSettings settings) =>
            await (await FakeApiProcess.SharedAsync().ConfigureAwait(false)).CreateScopeAsync(settings).ConfigureAwait(false);

        /// <summary>Forgets the recorded requests.</summary>
        public void ClearRequests() => Send(HttpMethod.Delete, "_fake/requests");

        /// <summary>Forgets what PATCH requests changed: every number has its computed channel settings again.</summary>
        public void ResetChannelSettings() => Send(HttpMethod.Delete, "_fake/channel-settings");

        public async ValueTask DisposeAsync()
        {
            using HttpResponseMessage response = await FakeApiProcess.Control.DeleteAsync(new Uri(_process.Root, "_fake/scopes/" + _id)).ConfigureAwait(false);
        }

        private int ReadCount(string path)
        {
            using JsonDocument document = JsonDocument.Parse(Send(HttpMethod.Get, path));
            return document.RootElement.GetProperty("count").GetInt32();
        }

        /// <summary>One control request, made synchronously so that the members can be plain properties.</summary>
        private string Send(HttpMethod method, string relative, string? json = null) =>
            Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(method, new Uri(BaseUri, relative));
                if (json is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                using HttpResponseMessage response = await FakeApiProcess.Control.SendAsync(request).ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                return response.IsSuccessStatusCode
                    ? body
                    : throw new InvalidOperationException($"{method} {relative} -> {(int)response.StatusCode}: {body}");
            }).GetAwaiter().GetResult();
    }
}
