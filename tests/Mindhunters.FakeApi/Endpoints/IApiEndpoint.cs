using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// One resource of the API, in a file of its own: the host finds every class that implements this and maps it into
    /// the /api/v1 group, where the faults and the bearer check apply and the request is recorded in its scope. The
    /// scope of a request (its data set, token, channel settings) is <c>context.Scope()</c>.
    /// </summary>
    internal interface IApiEndpoint
    {
        /// <summary>Maps the resource's routes, relative to /api/v1 ("/phone-numbers").</summary>
        void Map(IEndpointRouteBuilder api);
    }
}
