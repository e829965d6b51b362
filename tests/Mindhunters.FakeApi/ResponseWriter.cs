using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Mindhunters.FakeApi;

/// <summary>Writes the API's JSON bodies with Utf8JsonWriter.</summary>
internal static class ResponseWriter
{
    public const string ListMessage = "Phone numbers retrieved successfully.";

    public static void WriteList(
        Utf8JsonWriter w, int[] indices, int itemsStart, int itemCount, long currentPage, int perPage,
        long lastPage, long? from, long? to, bool hasMore)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, true);
        w.WriteString("message"u8, ListMessage);
        w.WritePropertyName("data"u8);
        w.WriteStartObject();
        w.WritePropertyName("items"u8);
        w.WriteStartArray();
        for (int k = 0; k < itemCount; k++)
        {
            WriteItem(w, FakeData.Item(indices[itemsStart + k]));
        }

        w.WriteEndArray();
        w.WritePropertyName("pagination"u8);
        w.WriteStartObject();
        w.WriteNumber("current_page"u8, currentPage);
        w.WriteNumber("per_page"u8, perPage);
        w.WriteNumber("total"u8, indices.Length);
        w.WriteNumber("last_page"u8, lastPage);
        WriteNullableNumber(w, "from"u8, from);
        WriteNullableNumber(w, "to"u8, to);
        w.WriteBoolean("has_more"u8, hasMore);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteItem(Utf8JsonWriter w, FakePhoneNumber p)
    {
        w.WriteStartObject();
        w.WriteString("phone_number_uuid"u8, p.PhoneNumberUuid);
        w.WriteString("number"u8, p.Number);
        w.WriteString("country_code"u8, p.CountryCode);
        w.WriteString("type"u8, p.Type);
        w.WriteBoolean("is_external"u8, p.IsExternal);
        w.WriteString("status"u8, p.Status);

        w.WritePropertyName("compliance"u8);
        w.WriteStartObject();
        w.WriteString("status"u8, p.ComplianceStatus);
        w.WritePropertyName("requirements"u8);
        w.WriteStartArray();
        foreach (FakeRequirement requirement in p.Requirements)
        {
            w.WriteStartObject();
            w.WriteString("type"u8, requirement.Type);
            w.WriteString("description"u8, requirement.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        FakeCapabilities c = p.Capabilities;
        w.WritePropertyName("capabilities"u8);
        w.WriteStartObject();
        w.WriteBoolean("voice"u8, c.Voice);
        w.WriteBoolean("sms"u8, c.Sms);
        w.WriteBoolean("mms"u8, c.Mms);
        w.WriteBoolean("fax"u8, c.Fax);
        w.WriteBoolean("emergency"u8, c.Emergency);
        w.WriteBoolean("local_calling"u8, c.LocalCalling);
        w.WriteBoolean("rcs"u8, false); // not on the seed page: the client must tolerate it
        w.WriteEndObject();

        w.WritePropertyName("channel_settings"u8);
        w.WriteStartObject();
        WriteChannel(w, "voice"u8, p.VoiceChannel);
        WriteChannel(w, "sms"u8, p.SmsChannel);
        w.WritePropertyName("inbound"u8);
        w.WriteStartObject();
        w.WriteBoolean("enabled"u8, p.Inbound.Enabled);
        w.WriteNumber("channel_limit"u8, p.Inbound.ChannelLimit);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WritePropertyName("billing"u8);
        w.WriteStartObject();
        w.WriteNumber("monthly_fee"u8, p.MonthlyFee);
        w.WriteString("currency"u8, p.Currency);
        w.WriteEndObject();

        w.WritePropertyName("bindings"u8);
        w.WriteStartObject();
        WriteBinding(w, "call"u8, p.CallBinding);
        WriteBinding(w, "sms"u8, p.SmsBinding);
        WriteBinding(w, "whatsapp"u8, p.WhatsappBinding);
        w.WriteEndObject();

        w.WriteString("purchased_at"u8, FormatTimestamp(p.PurchasedAt));
        w.WriteString("updated_at"u8, FormatTimestamp(p.UpdatedAt));
        w.WriteString("label"u8, p.Label); // not on the seed page: the client must tolerate it
        w.WriteEndObject();
    }

    /// <summary>{"success":false,"message":...,"data":null}</summary>
    public static void WriteFailure(Utf8JsonWriter w, string message)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, false);
        w.WriteString("message"u8, message);
        w.WriteNull("data"u8);
        w.WriteEndObject();
    }

    /// <summary>{"success":false,"message":...,"data":{"error":...}}</summary>
    public static void WriteFailureWithError(Utf8JsonWriter w, string message, string error)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, false);
        w.WriteString("message"u8, message);
        w.WritePropertyName("data"u8);
        w.WriteStartObject();
        w.WriteString("error"u8, error);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The 422 body: data.error is the first message, data.errors maps each field to its messages.</summary>
    public static void WriteValidationFailure(Utf8JsonWriter w, List<KeyValuePair<string, string>> errors)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, false);
        w.WriteString("message"u8, "The given data was invalid.");
        w.WritePropertyName("data"u8);
        w.WriteStartObject();
        w.WriteString("error"u8, errors[0].Value);
        w.WritePropertyName("errors"u8);
        w.WriteStartObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> error in errors)
        {
            if (!written.Add(error.Key))
            {
                continue;
            }

            w.WritePropertyName(error.Key);
            w.WriteStartArray();
            foreach (KeyValuePair<string, string> same in errors)
            {
                if (string.Equals(same.Key, error.Key, StringComparison.Ordinal))
                {
                    w.WriteStringValue(same.Value);
                }
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteRequests(Utf8JsonWriter w, RecordedRequest[] requests)
    {
        w.WriteStartArray();
        foreach (RecordedRequest r in requests)
        {
            w.WriteStartObject();
            w.WriteString("method"u8, r.Method);
            w.WriteString("path"u8, r.Path);
            w.WriteString("query"u8, r.Query);
            w.WriteBoolean("had_authorization"u8, r.HadAuthorization);
            w.WriteNumber("status"u8, r.Status);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>"2023-11-07T05:31:56Z"</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteChannel(Utf8JsonWriter w, ReadOnlySpan<byte> name, FakeChannel channel)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteBoolean("enabled"u8, channel.Enabled);
        w.WriteNumber("channel_limit"u8, channel.ChannelLimit);
        w.WritePropertyName("whitelisted_destinations"u8);
        w.WriteStartArray();
        foreach (string destination in channel.WhitelistedDestinations)
        {
            w.WriteStringValue(destination);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBinding(Utf8JsonWriter w, ReadOnlySpan<byte> name, FakeBinding binding)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteBoolean("bound"u8, binding.Bound);
        if (binding.AgentUuid is Guid agent)
        {
            w.WriteString("agent_uuid"u8, agent);
        }
        else
        {
            w.WriteNull("agent_uuid"u8);
        }

        if (binding.AgentName is null)
        {
            w.WriteNull("agent_name"u8);
        }
        else
        {
            w.WriteString("agent_name"u8, binding.AgentName);
        }

        w.WriteEndObject();
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, ReadOnlySpan<byte> name, long? value)
    {
        if (value is long number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
