using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// GET /api/v1/phone-numbers (shared/api/list-phone-numbers.seed.txt): the scope's numbers 1..Count, filtered,
    /// sorted and paged like the Laravel API, with its 422 (data.error, data.errors) and its 401 ("Unauthenticated.").
    /// </summary>
    internal sealed class PhoneNumbersEndpoint : IApiEndpoint
    {
        public const string Message = "Phone numbers retrieved successfully.";

        private static readonly SelectionCache Selections = new();

        public void Map(IEndpointRouteBuilder api) =>
            api.MapGet("/phone-numbers", ServeAsync).WithMetadata(ApiEndpoint.LaravelUnauthenticated);

        private static Task ServeAsync(HttpContext context)
        {
            ListingRequest? listing = QueryParser.Parse(context.Request.Query, out List<KeyValuePair<string, string>> errors);
            if (listing is null)
            {
                return ApiJson.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, w => ApiJson.WriteValidationFailure(w, errors));
            }

            Scope scope = context.Scope();
            IReadOnlyList<int> indices = Selections.Get(listing.Query, scope.Count);
            PageWindow window = PageWindow.Of(indices.Count, listing.Page, listing.PerPage, scope.Faults);
            ChannelSettingsStore channels = scope.Channels;
            return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteList(w, Message, window,
                (writer, position) => PhoneNumberJson.Write(writer, channels.Current(FakeData.Item(indices[position])))));
        }
    }
}
