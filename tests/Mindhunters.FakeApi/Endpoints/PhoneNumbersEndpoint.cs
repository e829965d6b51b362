using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// GET /api/v1/phone-numbers (shared/api/list-phone-numbers.seed.txt): the scope's numbers 1..Count, filtered,
    /// sorted and paged like the Laravel API, with its 422 (data.error, data.errors) and its 401 ("Unauthenticated.").
    /// The numbers the scope bought or brought in on trunks follow the computed ones, whatever the sort.
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
            IReadOnlyList<int> indices = Computed(scope, listing.Query);
            List<FakePhoneNumber> added = scope.Numbers.All.Select(n => scope.Current(n.Number)).Where(n => NumberFilter.Matches(n, listing.Query)).ToList();
            PageWindow window = PageWindow.Of(indices.Count + added.Count, listing.Page, listing.PerPage, scope.Faults);
            return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteList(w, Message, window,
                (writer, position) => PhoneNumberJson.Write(writer, position < indices.Count ? scope.Current(FakeData.Item(indices[position])) : added[position - indices.Count])));
        }

        /// <summary>The computed numbers that match, from the cache; by their bindings now when channel assignments changed some.</summary>
        private static IReadOnlyList<int> Computed(Scope scope, FakeQuery query)
        {
            if (scope.Bindings.IsEmpty || query.BoundToAgentUuid is not { } agent)
            {
                return Selections.Get(query, scope.Count);
            }

            return Selections.Get(query with { BoundToAgentUuid = null }, scope.Count).Where(i => scope.Current(FakeData.Item(i)).IsBoundTo(agent)).ToList();
        }
    }
}
