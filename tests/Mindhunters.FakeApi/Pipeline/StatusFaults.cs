using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The faults that answer an API request before the bearer check, as a gateway in front of the API would:
    /// latency_ms (plus latency_jitter_ms), redirect_to_port, then one counted status fault per request (status_override, html_error,
    /// fail_429, fail_5xx, in that order).
    /// </summary>
    internal static class StatusFaults
    {
        private const string HtmlBadGateway =
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

        private enum StatusFault
        {
            None,
            Override,
            HtmlError,
            TooManyRequests,
            ServerError,
        }

        public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            Scope scope = context.Scope();
            FaultSettings settings = scope.Faults;
            int latency = settings.LatencyMs + (settings.LatencyJitterMs > 0 ? Random.Shared.Next(settings.LatencyJitterMs + 1) : 0);
            if (latency > 0)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            int redirectPort = scope.Faults.RedirectToPort;
            if (redirectPort > 0)
            {
                HttpRequest request = context.Request;
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = string.Create(
                    CultureInfo.InvariantCulture, $"http://127.0.0.1:{redirectPort}{request.PathBase}{request.Path}{request.QueryString}");
                context.Response.ContentLength = 0;
                return;
            }

            (StatusFault fault, FaultSettings faults) = scope.Take<StatusFault>(static f =>
                f.StatusOverride > 0 ? (StatusFault.Override, f with { StatusOverride = f.StatusOverride - 1 })
                : f.HtmlError > 0 ? (StatusFault.HtmlError, f with { HtmlError = f.HtmlError - 1 })
                : f.Fail429 > 0 ? (StatusFault.TooManyRequests, f with { Fail429 = f.Fail429 - 1 })
                : f.Fail5xx > 0 ? (StatusFault.ServerError, f with { Fail5xx = f.Fail5xx - 1 })
                : (StatusFault.None, null));
            switch (fault)
            {
                case StatusFault.Override:
                    if (faults.OverrideBody is null)
                    {
                        string reason = ReasonPhrases.GetReasonPhrase(faults.OverrideStatus);
                        string message = reason.Length == 0 ? "Error." : reason + ".";
                        await ApiJson.WriteAsync(context, faults.OverrideStatus, w => ApiJson.WriteFailure(w, message)).ConfigureAwait(false);
                    }
                    else
                    {
                        await ApiJson.WriteTextAsync(context, faults.OverrideStatus, ApiJson.ContentType, faults.OverrideBody).ConfigureAwait(false);
                    }

                    return;

                case StatusFault.HtmlError:
                    await ApiJson.WriteTextAsync(context, StatusCodes.Status502BadGateway, "text/html", HtmlBadGateway).ConfigureAwait(false);
                    return;

                case StatusFault.TooManyRequests:
                    SetRetryAfter(context, faults.RetryAfter);
                    await ApiJson.WriteAsync(context, StatusCodes.Status429TooManyRequests, w => ApiJson.WriteFailure(w, "Too Many Attempts.")).ConfigureAwait(false);
                    return;

                case StatusFault.ServerError:
                    SetRetryAfter(context, faults.RetryAfter);
                    await ApiJson.WriteAsync(context, faults.FailStatus,
                        w => ApiJson.WriteFailureWithError(w, "Service temporarily unavailable.", "maintenance")).ConfigureAwait(false);
                    return;

                default:
                    await next(context).ConfigureAwait(false);
                    return;
            }
        }

        private static void SetRetryAfter(HttpContext context, string? retryAfter)
        {
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
        }
    }
}
