using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Endpoint metadata of the API's own endpoints (/api/v1/...): the faults and the bearer check apply to them, not to
    /// the control API or the hostile modes. The /api/v1 group gives every endpoint <see cref="Default"/>.
    /// </summary>
    internal sealed record ApiEndpoint(bool AnswersUnauthenticatedLikeLaravel)
    {
        /// <summary>A 401 in the errors page's envelope (MISSING_AUTH_TOKEN, INVALID_AUTH_TOKEN).</summary>
        public static ApiEndpoint Default { get; } = new(false);

        /// <summary>A 401 as Laravel's default: {"success":false,"message":"Unauthenticated.","data":null}.</summary>
        public static ApiEndpoint LaravelUnauthenticated { get; } = new(true);

        /// <summary>The metadata of the endpoint the request was routed to; null for anything but the API.</summary>
        public static ApiEndpoint? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpoint>();
    }
}
