using Microsoft.AspNetCore.Http;

namespace Mindhunters.FakeApi
{
    /// <summary>The scope a request belongs to, as <see cref="ScopeRouting"/> found it.</summary>
    internal static class ScopeContext
    {
        public static Scope Scope(this HttpContext context) =>
            context.Features.Get<Scope>() ?? throw new System.InvalidOperationException("ScopeRouting did not run for this request.");

        public static void SetScope(this HttpContext context, Scope scope) => context.Features.Set(scope);
    }
}
