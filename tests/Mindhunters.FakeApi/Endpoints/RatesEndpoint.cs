using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// GET /api/v1/phone-numbers/rates (shared/api/phone-number-admin.md): the fixed table of <see cref="FakeRates"/>,
    /// country_code (exact, upper case) and prefix ("starts with"), page, per_page 1..200 (default 50); no message in
    /// the envelope, as on the page.
    /// </summary>
    internal sealed class RatesEndpoint : IApiEndpoint
    {
        public const int DefaultPerPage = 50;
        public const int MaxPerPage = 200;

        public void Map(IEndpointRouteBuilder api) => api.MapGet("/phone-numbers/rates", ServeAsync);

        private static Task ServeAsync(HttpContext context)
        {
            IQueryCollection query = context.Request.Query;
            var errors = new List<KeyValuePair<string, string>>();
            (long page, int perPage) = QueryParser.Paging(query, DefaultPerPage, MaxPerPage, errors);
            if (errors.Count > 0)
            {
                return ApiJson.WriteValidationErrorAsync(context, errors[0].Key, errors[0].Value);
            }

            IReadOnlyList<FakeRate> rates = FakeRates.Select(QueryParser.Value(query, "country_code"), QueryParser.Value(query, "prefix"));
            PageWindow window = PageWindow.Of(rates.Count, page, perPage, context.Scope().Faults);
            return ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteList(w, null, window,
                (writer, position) => WriteRate(writer, rates[position])));
        }

        private static void WriteRate(Utf8JsonWriter w, FakeRate r)
        {
            w.WriteStartObject();
            w.WriteString("country_code"u8, r.CountryCode);
            w.WriteString("country_name"u8, r.CountryName);
            w.WriteString("destination_prefix"u8, r.DestinationPrefix);
            w.WriteString("origination"u8, r.Origination);
            w.WriteString("description"u8, r.Description);
            w.WriteNumber("min_duration_seconds"u8, r.MinDurationSeconds);
            w.WriteNumber("billing_increment_seconds"u8, r.BillingIncrementSeconds);
            w.WritePropertyName("price"u8);
            w.WriteStartObject();
            w.WriteNumber("amount"u8, r.Amount);
            w.WriteString("currency"u8, r.Currency);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }
}
