// Compiled by Invoke-Benchmark.ps1 with Add-Type, with the other .cs files here: a bare HttpClient that downloads the same pages and parses nothing (the "network allows" floor).
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;

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
}
