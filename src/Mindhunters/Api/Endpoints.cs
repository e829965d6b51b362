using System;
using Mindhunters.Api.Json;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>The endpoints the module lists; each names its largest page here and nowhere else.</summary>
    internal static class Endpoints
    {
        public static readonly ListEndpoint<PhoneNumber> PhoneNumbers = new ListEndpoint<PhoneNumber>(
            "api/v1/phone-numbers", "phone numbers", "Get-MhPhoneNumber", 100, MindhuntersJsonContext.Default.PhoneNumberListResponse,
            MindhuntersJsonContext.Default.PhoneNumber, number => number.PhoneNumberUuid);

        // The agents page shows neither query parameters nor pagination: it is paged like the phone numbers
        // (page, per_page up to 100, the same pagination block), the documented shape of the other lists.
        public static readonly ListEndpoint<Agent> Agents = new ListEndpoint<Agent>(
            "api/v1/agents", "agents", "Get-MhAgent", 100, MindhuntersJsonContext.Default.AgentListResponse,
            MindhuntersJsonContext.Default.Agent, agent => agent.AgentUuid);

        // External trunks (BYO numbers): neither query parameters nor pagination are shown; they are paged like the phone
        // numbers, whose objects they list (with location and source).
        public static readonly ListEndpoint<PhoneNumber> Trunks = new ListEndpoint<PhoneNumber>(
            "api/v1/phone-numbers/trunks", "trunk numbers", "Get-MhPhoneNumberTrunk", 100, MindhuntersJsonContext.Default.PhoneNumberListResponse,
            MindhuntersJsonContext.Default.PhoneNumber, number => number.PhoneNumberUuid);

        // Rates carry no uuid: a rate is its whole content.
        // The rates page documents per_page "must be <= 200".
        public static readonly ListEndpoint<PhoneNumberRate> PhoneNumberRates = new ListEndpoint<PhoneNumberRate>(
            "api/v1/phone-numbers/rates", "call rates", "Get-MhPhoneNumberRate", 200,
            MindhuntersJsonContext.Default.PhoneNumberRateListResponse, MindhuntersJsonContext.Default.PhoneNumberRate, rate => Guid.Empty);
    }
}
