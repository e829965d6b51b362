using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// A path that no endpoint serves (404), or a method an endpoint does not take (405, from routing, with Allow),
    /// answered with a body in the API's failure envelope instead of none, as the Laravel API does.
    /// </summary>
    internal static class JsonStatusPages
    {
        public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            await next(context).ConfigureAwait(false);
            HttpResponse response = context.Response;
            if (response.HasStarted || response.ContentLength is not null)
            {
                return;
            }

            if (response.StatusCode == StatusCodes.Status404NotFound)
            {
                await ApiJson.WriteAsync(context, StatusCodes.Status404NotFound, w => ApiJson.WriteFailure(w, "Not Found.")).ConfigureAwait(false);
            }
            else if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                string message = $"The {context.Request.Method} method is not supported for this route. Supported methods: {response.Headers.Allow}.";
                await ApiJson.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, w => ApiJson.WriteFailure(w, message)).ConfigureAwait(false);
            }
        }
    }
}
