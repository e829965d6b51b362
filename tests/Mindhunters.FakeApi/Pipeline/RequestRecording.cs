using System;
using System.Buffers;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Records every request of the API and the hostile modes in its scope's log (GET /_fake/requests), with the
    /// status it is answered with (499 when the client left first), at the moment the answer starts: a test that waits for a request to be seen can
    /// act while a stalled answer is still under way. A POST, PUT or PATCH keeps its Content-Type and body as text.
    /// It also counts the scope's requests in flight, from arrival to the end of the answer (or the client leaving).
    /// </summary>
    internal static class RequestRecording
    {
        /// <summary>How much of a request body is kept (and handed on to the endpoint); the rest is dropped.</summary>
        public const int MaxBodyBytes = 1024 * 1024;

        /// <summary>The status recorded for a request whose client left before its answer started (nginx's 499).</summary>
        public const int ClientClosedRequest = 499;

        public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            HttpRequest request = context.Request;
            if (!request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hostile"))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            string? contentType = null;
            string? body = null;
            if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            {
                contentType = request.ContentType ?? string.Empty;
                byte[] bytes = await ReadBodyAsync(request, context).ConfigureAwait(false);
                body = System.Text.Encoding.UTF8.GetString(bytes);
                request.Body = new MemoryStream(bytes, writable: false);
            }

            string method = request.Method;
            string path = request.Path.Value ?? string.Empty;
            string query = request.QueryString.HasValue ? request.QueryString.Value!.Substring(1) : string.Empty;
            bool hadAuthorization = request.Headers.ContainsKey("Authorization");
            Scope scope = context.Scope();
            int inFlight = scope.Arrive();
            try
            {
                context.Response.OnStarting(() =>
                {
                    // A client that left before the answer gets none; the log says so as nginx does, with 499.
                    int status = context.RequestAborted.IsCancellationRequested ? ClientClosedRequest : context.Response.StatusCode;
                    scope.Log.Add(new RecordedRequest(method, path, query, hadAuthorization, status, contentType, body) { InFlight = inFlight });
                    return Task.CompletedTask;
                });
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                scope.Leave();
            }
        }

        private static async Task<byte[]> ReadBodyAsync(HttpRequest request, HttpContext context)
        {
            using var kept = new MemoryStream();
            // Rented, not allocated: a bulk write sends thousands of small bodies, and zeroing 16 KB for each showed up
            // as the fake's largest cost in the benchmark, which shares the machine's cores with the client it measures.
            byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while (kept.Length < MaxBodyBytes
                    && (read = await request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, MaxBodyBytes - kept.Length)), context.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    kept.Write(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return kept.ToArray();
        }
    }
}
