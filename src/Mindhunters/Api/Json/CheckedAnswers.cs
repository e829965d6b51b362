using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// Answers read only as far as the engine checks them (success, message, data and the uuid of data), for writes whose
    /// answer nobody sees: Set-MhPhoneNumber without -PassThru. The envelope and its lenient reading are the module's
    /// one contract (<see cref="MindhuntersJsonContext"/>); only the phone number in data is read for its uuid alone.
    /// </summary>
    internal static class CheckedAnswers
    {
        private static readonly Lazy<JsonTypeInfo<ItemResponse<PhoneNumber>>> UuidOnly = new Lazy<JsonTypeInfo<ItemResponse<PhoneNumber>>>(() =>
        {
            var options = new JsonSerializerOptions(MindhuntersJsonContext.Default.Options);
            options.Converters.Insert(0, new PhoneNumberUuidOnlyConverter());
            return new MindhuntersJsonContext(options).PhoneNumberItemResponse;
        });

        /// <summary>The answer to PATCH /api/v1/phone-numbers/{uuid}; its data is a phone number with only its uuid set.</summary>
        public static JsonTypeInfo<ItemResponse<PhoneNumber>> PhoneNumberUuidOnly => UuidOnly.Value;
    }
}
