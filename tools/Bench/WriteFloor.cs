// Compiled by Invoke-Benchmark.ps1 with Add-Type, with the other .cs files here: a bare HttpClient that sends the same PATCHes with as many in flight as the module, reads each answer and parses nothing (what the network and the server allow).
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Bench
{
    public static class WriteFloor
    {
        private static readonly HttpClient Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false });
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        /// <summary>PATCHes each URI with <paramref name="body"/>, up to <paramref name="inFlight"/> at once; returns how many answered 2xx.</summary>
        public static int Send(string[] uris, string token, string body, int inFlight)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            using var gate = new SemaphoreSlim(inFlight);
            var sent = new List<Task<bool>>(uris.Length);
            foreach (string uri in uris)
            {
                gate.Wait();
                sent.Add(SendOneAsync(uri, token, bytes, gate));
            }
            int succeeded = 0;
            foreach (Task<bool> one in sent)
            {
                if (one.GetAwaiter().GetResult()) succeeded++;
            }
            return succeeded;
        }

        private static async Task<bool> SendOneAsync(string uri, string token, byte[] body, SemaphoreSlim gate)
        {
            try
            {
                using var request = new HttpRequestMessage(Patch, uri) { Content = new ByteArrayContent(body) };
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using HttpResponseMessage response = await Client.SendAsync(request).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
