namespace Mindhunters.Api.Json
{
    /// <summary>A page of a list endpoint: "data" is {"items", "pagination"}.</summary>
    internal sealed class ListResponse<T> : ApiResponse<ListData<T>> where T : class
    {
    }
}
