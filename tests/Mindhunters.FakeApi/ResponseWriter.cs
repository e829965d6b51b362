using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Mindhunters.FakeApi;

/// <summary>Writes the API's JSON bodies with Utf8JsonWriter.</summary>
internal static class ResponseWriter
{
    public const string ListMessage = "Phone numbers retrieved successfully.";

    public const string AgentListMessage = "Agents retrieved successfully.";

    /// <summary>
    /// The list envelope every list endpoint shares: {"success":true,"message":...,"data":{"items":[...],
    /// "pagination":{...}}}; <paramref name="message"/> null leaves "message" out (the rates page shows none).
    /// </summary>
    public static void WriteList(Utf8JsonWriter w, string? message, PageWindow window, Action<Utf8JsonWriter, int> writeItem)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, true);
        if (message is not null)
        {
            w.WriteString("message"u8, message);
        }

        w.WritePropertyName("data"u8);
        w.WriteStartObject();
        w.WritePropertyName("items"u8);
        w.WriteStartArray();
        for (int k = 0; k < window.ItemCount; k++)
        {
            writeItem(w, window.ItemsStart + k);
        }

        w.WriteEndArray();
        w.WritePropertyName("pagination"u8);
        w.WriteStartObject();
        w.WriteNumber("current_page"u8, window.CurrentPage);
        w.WriteNumber("per_page"u8, window.PerPage);
        w.WriteNumber("total"u8, window.Total);
        w.WriteNumber("last_page"u8, window.LastPage);
        WriteNullableNumber(w, "from"u8, window.From);
        WriteNullableNumber(w, "to"u8, window.To);
        w.WriteBoolean("has_more"u8, window.HasMore);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>{"success":true,"data":{...}}: the answer to a write, as the PATCH page shows it (no message).</summary>
    public static void WriteData(Utf8JsonWriter w, Action<Utf8JsonWriter> writeData)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, true);
        w.WritePropertyName("data"u8);
        writeData(w);
        w.WriteEndObject();
    }

    /// <summary>The documented error envelope: {"success":false,"message":...,"error":{"code","details"[,"field"]}}.</summary>
    public static void WriteError(Utf8JsonWriter w, string message, string code, string details, string? field = null)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, false);
        w.WriteString("message"u8, message);
        w.WritePropertyName("error"u8);
        w.WriteStartObject();
        w.WriteString("code"u8, code);
        w.WriteString("details"u8, details);
        if (field is not null)
        {
            w.WriteString("field"u8, field);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteAgent(Utf8JsonWriter w, FakeAgentItem a)
    {
        w.WriteStartObject();
        w.WriteString("agent_uuid"u8, a.AgentUuid);
        w.WriteString("name"u8, a.Name);
        w.WriteString("description"u8, a.Description);
        w.WriteString("company_name"u8, a.CompanyName);
        w.WriteString("role"u8, a.Role);
        w.WriteString("objective"u8, a.Objective);
        w.WriteString("tone"u8, a.Tone);
        w.WriteString("behavior_guidelines"u8, a.BehaviorGuidelines);
        w.WriteString("company_service"u8, a.CompanyService);
        w.WriteString("topic"u8, a.Topic);
        w.WriteString("length_detail"u8, a.LengthDetail);
        w.WriteString("interest_of_product"u8, a.InterestOfProduct);
        w.WriteString("negative_response"u8, a.NegativeResponse);
        if (a.Status is not null)
        {
            w.WriteString("status"u8, a.Status); // copy B of the page has no status at all: sometimes left out
        }

        w.WriteString("custom_prompt"u8, a.CustomPrompt);
        w.WriteString("language"u8, a.Language);
        w.WriteString("speed"u8, a.Speed);
        w.WriteString("timezone"u8, a.Timezone);
        w.WriteBoolean("appointment_scheduling_enabled"u8, a.AppointmentSchedulingEnabled);
        w.WriteBoolean("appointment_scheduling_randomly"u8, a.AppointmentSchedulingRandomly);
        if (a.CustomLlmUrl is null)
        {
            w.WriteNull("custom_llm_url"u8);
        }
        else
        {
            w.WriteString("custom_llm_url"u8, a.CustomLlmUrl);
        }

        w.WriteString("recommendations"u8, a.Recommendations);
        w.WritePropertyName("settings"u8);
        w.WriteStartObject();
        w.WritePropertyName("voice"u8);
        w.WriteStartObject();
        w.WriteString("voice_id"u8, a.VoiceId); // the page shows the four objects empty; one key, so they show
        w.WriteEndObject();
        foreach (string part in (ReadOnlySpan<string>)["text", "memorize", "evaluation"])
        {
            w.WritePropertyName(part);
            w.WriteStartObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        WriteNotes(w, "guidelines"u8, a.Guidelines);
        WriteNotes(w, "notes"u8, a.Notes);
        w.WritePropertyName("procedures"u8);
        w.WriteStartArray();
        foreach (FakeProcedure procedure in a.Procedures)
        {
            w.WriteStartObject();
            w.WriteString("uuid"u8, procedure.Uuid);
            w.WriteString("name"u8, procedure.Name);
            w.WriteString("description"u8, procedure.Description);
            w.WritePropertyName("steps"u8);
            w.WriteStartArray();
            foreach (FakeProcedureStep step in procedure.Steps)
            {
                w.WriteStartObject();
                w.WriteNumber("order"u8, step.Order);
                w.WriteString("description"u8, step.Description);
                w.WriteString("intent_uuid"u8, step.IntentUuid);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WritePropertyName("training"u8);
        w.WriteStartArray();
        foreach (FakeTraining training in a.Training)
        {
            w.WriteStartObject();
            w.WriteString("uuid"u8, training.Uuid);
            w.WriteString("content"u8, training.Content);
            w.WriteString("intent"u8, training.Intent);
            w.WriteString("response"u8, training.Response);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("webhooks_count"u8, a.Index % 3); // not on the page: the client must tolerate it
        w.WriteEndObject();
    }

    public static void WriteRate(Utf8JsonWriter w, FakeRate r)
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
            if (r.Body is not null)
            {
                w.WriteString("content_type"u8, r.ContentType);
                w.WriteString("body"u8, r.Body);
            }

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

    private static void WriteNotes(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<FakeAgentNote> notes)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (FakeAgentNote note in notes)
        {
            w.WriteStartObject();
            w.WriteString("uuid"u8, note.Uuid);
            w.WriteString("content"u8, note.Content);
            w.WriteNumber("order"u8, note.Order);
            w.WriteEndObject();
        }

        w.WriteEndArray();
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
