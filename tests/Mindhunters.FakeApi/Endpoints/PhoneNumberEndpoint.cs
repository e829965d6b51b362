using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// PATCH /api/v1/phone-numbers/{uuid} (shared/api/phone-number-admin.md): the channel settings given change, the
    /// others stay (<see cref="ChannelSettingsParser"/> says what is refused); a later GET lists the number with them,
    /// until DELETE /_fake/channel-settings. The answer is {"success":true,"data":&lt;the phone number&gt;}.
    /// </summary>
    internal sealed class PhoneNumberEndpoint : IApiEndpoint
    {
        public void Map(IEndpointRouteBuilder api) => api.MapMethods("/phone-numbers/{uuid}", new[] { HttpMethods.Patch }, PatchAsync);

        private static async Task PatchAsync(HttpContext context)
        {
            Scope scope = context.Scope();
            string segment = (string)context.Request.RouteValues["uuid"]!;
            FakePhoneNumber? number = Guid.TryParseExact(segment, "D", out Guid uuid) ? scope.FindNumber(uuid) : null;
            if (number is null)
            {
                string details = $"No phone number with uuid '{segment}' exists in this workspace.";
                await ApiJson.WriteAsync(context, StatusCodes.Status404NotFound, w => ApiJson.WriteError(w, "Phone number not found.", "NOT_FOUND", details)).ConfigureAwait(false);
                return;
            }

            if (!(context.Request.ContentType ?? string.Empty).StartsWith(ApiJson.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                await ApiJson.WriteAsync(context, StatusCodes.Status400BadRequest,
                    w => ApiJson.WriteError(w, "The request body must be JSON.", "INVALID_CONTENT_TYPE", "Send the body as application/json.")).ConfigureAwait(false);
                return;
            }

            ChannelSettingsPatch? patch;
            PatchError? error;
            try
            {
                using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
                patch = ChannelSettingsParser.Parse(document.RootElement, number, out error);
            }
            catch (JsonException ex)
            {
                await ApiJson.WriteAsync(context, StatusCodes.Status400BadRequest,
                    w => ApiJson.WriteError(w, "The request body is not valid JSON.", "INVALID_JSON", ex.Message)).ConfigureAwait(false);
                return;
            }

            if (patch is null)
            {
                await ApiJson.WriteValidationErrorAsync(context, error!.Field, error.Details).ConfigureAwait(false);
                return;
            }

            FakePhoneNumber updated = scope.Channels.Apply(number, patch);
            await ApiJson.WriteAsync(context, StatusCodes.Status200OK, w => ApiJson.WriteData(w, writer => PhoneNumberJson.Write(writer, updated))).ConfigureAwait(false);
        }
    }
}
