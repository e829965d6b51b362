using System.Net.Http;

namespace Mindhunters.Api
{
    /// <summary>The methods netstandard2.0's HttpMethod does not name.</summary>
    internal static class HttpMethods
    {
        public static readonly HttpMethod Patch = new HttpMethod("PATCH");
    }
}
