using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Holds back the body an API endpoint writes and, when the answer is a 2xx with a body (a list's 200, a purchase's 201),
    /// breaks it with one counted body fault
    /// (truncate_json, reset_mid_body, stall_body, in that order); any other answer goes out as it is.
    /// </summary>
    internal static class BodyFaults
    {
        private static readonly TimeSpan ResetDelay = TimeSpan.FromMilliseconds(100);

        private enum BodyFault
        {
            None,
            Truncate,
            Reset,
            Stall,
        }

        public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            if (context.Scope().Faults is { TruncateJson: 0, ResetMidBody: 0, StallBody: 0 })
            {
                // Nothing to break: the answer goes out as the endpoint writes it (ApiJson sets its Content-Length). Holding
                // it would cost a 64 KB buffer per request, the fake's largest cost in a bulk write of small answers.
                await next(context).ConfigureAwait(false);
                return;
            }

            HttpResponse response = context.Response;
            Stream wire = response.Body;
            using var held = new MemoryStream(64 * 1024);
            response.Body = held;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                response.Body = wire;
            }

            ReadOnlyMemory<byte> body = held.GetBuffer().AsMemory(0, (int)held.Length);
            (BodyFault fault, FaultSettings faults) = response.StatusCode is < 200 or > 299 || body.Length == 0
                ? (BodyFault.None, context.Scope().Faults)
                : context.Scope().Take<BodyFault>(static f =>
                    f.TruncateJson > 0 ? (BodyFault.Truncate, f with { TruncateJson = f.TruncateJson - 1 })
                    : f.ResetMidBody > 0 ? (BodyFault.Reset, f with { ResetMidBody = f.ResetMidBody - 1 })
                    : f.StallBody > 0 ? (BodyFault.Stall, f with { StallBody = f.StallBody - 1 })
                    : (BodyFault.None, null));
            ReadOnlyMemory<byte> half = body.Slice(0, body.Length / 2);
            switch (fault)
            {
                case BodyFault.Truncate:
                    // No Content-Length: the (chunked) response ends normally, the JSON in it does not.
                    response.ContentLength = null;
                    await wire.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                    return;

                case BodyFault.Reset:
                    response.ContentLength = body.Length;
                    await wire.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                    await wire.FlushAsync(context.RequestAborted).ConfigureAwait(false);

                    // Let the headers and the first half reach the client before the reset, which can discard data the
                    // client has not read yet.
                    await Task.Delay(ResetDelay, context.RequestAborted).ConfigureAwait(false);
                    context.Abort();
                    return;

                case BodyFault.Stall:
                    response.ContentLength = body.Length;
                    await wire.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                    await wire.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    await Task.Delay(faults.StallMs, context.RequestAborted).ConfigureAwait(false);
                    await wire.WriteAsync(body.Slice(half.Length), context.RequestAborted).ConfigureAwait(false);
                    return;

                default:
                    response.ContentLength = body.Length;
                    await wire.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
                    return;
            }
        }
    }
}
