using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Finds the scope of a request from its path: /s/{id}/rest is scope {id} serving /rest (PathBase /s/{id}), any
    /// other path the root scope. Every endpoint is then routed by the rest alone, the same in every scope. An id that
    /// is no scope (dropped, or never created) is a 404 that says so.
    /// </summary>
    internal static class ScopeRouting
    {
        public const string Prefix = "/s/";

        public static Task InvokeAsync(HttpContext context, RequestDelegate next, ScopeRegistry scopes)
        {
            string path = context.Request.Path.Value ?? string.Empty;
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                context.SetScope(scopes.Root);
                return next(context);
            }

            int end = path.IndexOf('/', Prefix.Length);
            string id = end < 0 ? path.Substring(Prefix.Length) : path.Substring(Prefix.Length, end - Prefix.Length);
            if (!scopes.TryGet(id, out Scope scope))
            {
                return ApiJson.WriteAsync(context, StatusCodes.Status404NotFound,
                    w => ApiJson.WriteFailure(w, $"The fake API has no scope '{id}': it was dropped, or never created."));
            }

            context.SetScope(scope);
            context.Request.PathBase = context.Request.PathBase.Add(new PathString(Prefix + id));
            context.Request.Path = new PathString(end < 0 ? "/" : path.Substring(end));
            return next(context);
        }
    }
}
