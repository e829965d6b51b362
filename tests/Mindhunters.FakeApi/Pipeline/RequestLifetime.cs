using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// First in the pipeline: a request's token (RequestAborted) also ends when the process stops, so a latency or a
    /// stall of a minute never holds up the shutdown; a request that ends that way is aborted without another word.
    /// </summary>
    internal static class RequestLifetime
    {
        public static async Task InvokeAsync(HttpContext context, RequestDelegate next, CancellationToken stopping)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.RequestAborted = linked.Token;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && linked.IsCancellationRequested)
            {
                context.Abort();
            }
        }
    }
}
