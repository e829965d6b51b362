namespace Mindhunters.Api.Json
{
    /// <summary>The answer to a write: "data" is the object as it is now.</summary>
    internal sealed class ItemResponse<T> : ApiResponse<T> where T : class
    {
    }
}
