using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Mindhunters.FakeApi
{
    /// <summary>The bearer check of every API endpoint: the scope's token, or 401 in the endpoint's envelope.</summary>
    internal static class BearerToken
    {
        public static Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            StringValues authorization = context.Request.Headers.Authorization;
            if (IsAuthorized(authorization, context.Scope().Token))
            {
                return next(context);
            }

            if (ApiEndpoint.Of(context)?.AnswersUnauthenticatedLikeLaravel == true)
            {
                return ApiJson.WriteAsync(context, StatusCodes.Status401Unauthorized, w => ApiJson.WriteFailure(w, "Unauthenticated."));
            }

            return authorization.Count == 0
                ? ApiJson.WriteAsync(context, StatusCodes.Status401Unauthorized,
                    w => ApiJson.WriteError(w, "Authentication required", "MISSING_AUTH_TOKEN", "No authorization header provided"))
                : ApiJson.WriteAsync(context, StatusCodes.Status401Unauthorized,
                    w => ApiJson.WriteError(w, "Invalid authentication token", "INVALID_AUTH_TOKEN", "The provided token is invalid or has been revoked"));
        }

        private static bool IsAuthorized(StringValues authorization, string token)
        {
            if (authorization.Count != 1 || authorization[0] is not string value)
            {
                return false;
            }

            const string scheme = "Bearer ";
            if (value.Length <= scheme.Length || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return string.Equals(value.AsSpan(scheme.Length).Trim().ToString(), token, StringComparison.Ordinal);
        }
    }
}
