using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using Mindhunters.Api.Json;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>
    /// Buying a number: POST /api/v1/phone-numbers with the number offered by the (undocumented) search, its country, type
    /// and monthly fee, and where the country and type require them an address and requirements, whose field names are the
    /// page's: anything else is refused before the request. It costs money every month, so the POST is never sent again
    /// once it may have reached the server, and a lost answer says how to check.
    /// </summary>
    internal sealed class PhoneNumberPurchase
    {
        /// <summary>The fields of "address" the page lists; each optional.</summary>
        public static readonly IReadOnlyList<string> AddressFields = new[]
        {
            "first_name", "last_name", "business_name", "phone_number", "street_address", "extended_address", "locality", "administrative_area", "postal_code", "country_code",
        };

        /// <summary>The fields of one item of "requirements" the page lists.</summary>
        public static readonly IReadOnlyList<string> RequirementFields = new[] { "key", "requirement_id", "value", "document_id" };

        /// <param name="number">E.164, already validated: sent as "+" and its digits.</param>
        /// <param name="countryCode">ISO 3166-1 alpha-2, already validated: sent upper-case.</param>
        public PhoneNumberPurchase(string number, string countryCode, string type, decimal monthlyFee)
        {
            Number = "+" + E164.Digits(number);
            CountryCode = countryCode.ToUpperInvariant();
            Type = type;
            MonthlyFee = monthlyFee;
        }

        public string Number { get; }
        public string CountryCode { get; }
        public string Type { get; }
        public decimal MonthlyFee { get; }
        public string? Location { get; init; }
        public IReadOnlyDictionary<string, object?>? Address { get; init; }
        public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Requirements { get; init; }

        /// <summary>What is wrong with the address or the requirements, in words; null when nothing is.</summary>
        public string? Problem()
        {
            if (MonthlyFee < 0) return $"-MonthlyFee is {MonthlyFee.ToString(CultureInfo.InvariantCulture)}; a fee is 0 or more (copy it from the search result).";
            if (Address is not null)
            {
                foreach (KeyValuePair<string, object?> field in Address)
                {
                    if (!AddressFields.Contains(field.Key))
                    {
                        return $"-Address has the key '{field.Key}', which the API does not document. The address fields are: {string.Join(", ", AddressFields)}.";
                    }
                    if (field.Value is not (null or string or int or long or decimal or double)) return $"-Address key '{field.Key}' holds a {field.Value.GetType().Name}; give a text.";
                }
            }
            for (int i = 0; i < (Requirements?.Count ?? 0); i++)
            {
                IReadOnlyDictionary<string, object?> item = Requirements![i];
                string which = $"-Requirement item {i + 1}";
                foreach (string key in item.Keys)
                {
                    if (!RequirementFields.Contains(key)) return $"{which} has the key '{key}', which the API does not document. A requirement has: {string.Join(", ", RequirementFields)}.";
                }
                if (!item.ContainsKey("key") && !item.ContainsKey("requirement_id")) return $"{which} names no requirement: give its key or its requirement_id.";
                if (item.TryGetValue("requirement_id", out object? id) && !IsUuid(id?.ToString())) return $"{which} has the requirement_id '{id}', which is not a uuid.";
            }
            return null;
        }

        private static bool IsUuid(string? text) => Guid.TryParse(text, out Guid uuid) && uuid != Guid.Empty;

        /// <summary>{"number","country_code","type","monthly_fee"[,"location"][,"address"][,"requirements"]}</summary>
        public byte[] ToJson()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("number", Number);
                writer.WriteString("country_code", CountryCode);
                writer.WriteString("type", Type);
                writer.WriteNumber("monthly_fee", MonthlyFee);
                if (Location is not null) writer.WriteString("location", Location);
                if (Address is not null)
                {
                    writer.WriteStartObject("address");
                    foreach (KeyValuePair<string, object?> field in Address)
                    {
                        writer.WritePropertyName(field.Key);
                        PlainJson.Write(writer, field.Value is null or string ? field.Value : Convert.ToString(field.Value, CultureInfo.InvariantCulture));
                    }
                    writer.WriteEndObject();
                }
                if (Requirements is not null)
                {
                    writer.WritePropertyName("requirements");
                    PlainJson.Write(writer, Requirements);
                }
                writer.WriteEndObject();
            }
            return stream.ToArray();
        }

        public WriteRequest<PhoneNumber> Request(string workspace) =>
            new WriteRequest<PhoneNumber>(HttpMethod.Post, Endpoints.PhoneNumbers.Path, ToJson(), MindhuntersJsonContext.Default.PhoneNumberItemResponse,
                ApiOperation.Write($"Buying phone number {Number}", "New-MhPhoneNumber",
                    $"Check the base URI (Get-MhContext): the workspace '{workspace}' has no phone-number endpoint there.",
                    whenUnsure: $"Get-MhPhoneNumber -Number {Number} shows whether the number was bought. It is billed every month: buy it again only if it is not listed."))
            {
                AboutNumber = Number,
                NumberOf = number => number.Number,
            };
    }
}
