using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// Buying a number: POST /api/v1/phone-numbers (shared/api/phone-number-lifecycle.md §3). The number joins the scope's
    /// numbers (source purchased, so a later GET lists it) and the answer is 201 {"success":true,"data":&lt;the number with
    /// location and source&gt;}. The scope's purchase_limit caps how many it buys: 403 with data.error purchase_limit_reached,
    /// limit and current. The page shows no status and no validation errors: those are the fake's (its README).
    /// </summary>
    internal sealed class PhoneNumberPurchaseEndpoint : IApiEndpoint
    {
        private static readonly string[] Types = { "local", "toll_free", "mobile", "national" };

        public void Map(IEndpointRouteBuilder api) => api.MapPost("/phone-numbers", BuyAsync);

        private static async Task BuyAsync(HttpContext context)
        {
            Scope scope = context.Scope();
            if (await RequestBody.ReadObjectAsync(context).ConfigureAwait(false) is not JsonElement body)
            {
                return;
            }

            string? number = RequestBody.String(body, "number");
            string? country = RequestBody.String(body, "country_code");
            string? type = RequestBody.String(body, "type");
            bool hasFee = body.TryGetProperty("monthly_fee", out JsonElement fee) && fee.ValueKind == JsonValueKind.Number && fee.GetDecimal() >= 0;
            (string Field, string Details)? problem =
                !FakeNumbers.IsE164(number) ? ("number", "The number field is required and must be in E.164 form.")
                : country is not { Length: 2 } || country.Any(c => c is < 'A' or > 'Z') ? ("country_code", "The country code field is required and must be an ISO 3166-1 alpha-2 code.")
                : !Types.Contains(type) ? ("type", "The type field is required and must be local, toll_free, mobile or national.")
                : !hasFee ? ("monthly_fee", "The monthly fee field is required and must be a number of 0 or more.")
                : RequestBody.IsNotString(body, "location") ? ("location", "The location field must be a string.")
                : body.TryGetProperty("address", out JsonElement address) && address.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null) ? ("address", "The address field must be an object.")
                : body.TryGetProperty("requirements", out JsonElement requirements) && requirements.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null) ? ("requirements", "The requirements field must be an array.")
                : scope.Owns(number!) ? ("number", $"The number {number} is already owned by this workspace or registered as an external trunk.")
                : null;
            if (problem is { } refused)
            {
                await ApiJson.WriteValidationErrorAsync(context, refused.Field, refused.Details).ConfigureAwait(false);
                return;
            }

            int current = scope.Numbers.PurchasedCount;
            if (scope.PurchaseLimit > 0 && current >= scope.PurchaseLimit)
            {
                await ApiJson.WriteAsync(context, StatusCodes.Status403Forbidden, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("success"u8, false);
                    w.WriteString("message"u8, "Purchase limit reached.");
                    w.WritePropertyName("data"u8);
                    w.WriteStartObject();
                    w.WriteString("error"u8, "purchase_limit_reached");
                    w.WriteNumber("limit"u8, scope.PurchaseLimit);
                    w.WriteNumber("current"u8, current);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }).ConfigureAwait(false);
                return;
            }

            string location = RequestBody.String(body, "location") ?? country!;
            AddedNumber bought = scope.Numbers.Add((index, uuid) => new AddedNumber(
                FakeAddedNumbers.Number(index, uuid, FakeNumbers.Normalized(number!), country!, type!, decimal.Round(fee.GetDecimal(), 2), false, DateTimeOffset.UtcNow),
                location, AddedNumber.Purchased));
            await ApiJson.WriteAsync(context, StatusCodes.Status201Created,
                w => ApiJson.WriteData(w, writer => PhoneNumberJson.Write(writer, scope.Current(bought.Number), bought.Location, bought.Source))).ConfigureAwait(false);
        }
    }
}
