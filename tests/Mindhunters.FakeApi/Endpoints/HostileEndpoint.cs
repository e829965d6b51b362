using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// /hostile/{mode}/... in any scope: every method and every path below it gets the mode's answer from
    /// <see cref="HostileResponses"/>, recorded in the scope's log; no fault, no bearer check.
    /// </summary>
    internal static class HostileEndpoint
    {
        public static void Map(IEndpointRouteBuilder routes)
        {
            routes.Map("/hostile/{mode}/{**rest}", Serve);
            routes.Map("/hostile/{mode}", Serve);
        }

        private static System.Threading.Tasks.Task Serve(HttpContext context) =>
            HostileResponses.ServeAsync(context, (string)context.Request.RouteValues["mode"]!, context.RequestAborted);
    }
}
