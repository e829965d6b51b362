using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// The body of POST and PATCH /api/v1/phone-numbers/trunks: the trunk (phone_number, channel) and only the values
    /// given (null = not given, left out). The SIP password stays a SecureString until the body is written; it is copied
    /// into a char array only while the JSON writer encodes it, and that array and the writer's buffers are zeroed at
    /// once. The body that results is the caller's to clear after sending (<see cref="WriteRequest{T}.HoldsSecret"/>).
    /// </summary>
    internal sealed class TrunkSettings
    {
        /// <param name="number">E.164, already validated: written as "+" and its digits.</param>
        /// <param name="channel">"call" or "whatsapp".</param>
        public TrunkSettings(string number, string channel)
        {
            Number = "+" + E164.Digits(number);
            Channel = channel;
        }

        public string Number { get; }
        public string Channel { get; }

        public Guid? AgentUuid { get; init; }

        /// <summary>inbound, outbound or both.</summary>
        public string? Direction { get; init; }

        public string? Name { get; init; }
        public string? SipGateway { get; init; }
        public int? SipPort { get; init; }
        public string? SipUsername { get; init; }
        public SecureString? SipPassword { get; init; }
        public string? SipSecondaryGateway { get; init; }

        /// <summary>Plain values (<see cref="PlainJson"/>); an empty one clears the stored settings on a PATCH.</summary>
        public IReadOnlyDictionary<string, object?>? AdditionalSettings { get; init; }

        public bool HasSip => SipGateway is not null || SipPort is not null || SipUsername is not null || SipPassword is not null || SipSecondaryGateway is not null;

        /// <summary>Something besides the trunk's name and the agent: what a PATCH would carry.</summary>
        public bool ChangesSettings => Direction is not null || Name is not null || HasSip || AdditionalSettings is not null;

        /// <summary>The body; <paramref name="withAgent"/> false for a PATCH, where the agent moves through …/trunks/assign.</summary>
        public byte[] ToJson(bool withAgent)
        {
            var buffer = new ClearingBufferWriter();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("phone_number", Number);
                writer.WriteString("channel", Channel);
                if (withAgent && AgentUuid is Guid agent) writer.WriteString("agent_uuid", agent.ToString("D"));
                if (Direction is not null) writer.WriteString("direction", Direction);
                if (Name is not null) writer.WriteString("name", Name);
                if (HasSip)
                {
                    writer.WriteStartObject("sip");
                    if (SipGateway is not null) writer.WriteString("gateway", SipGateway);
                    if (SipPort is int port) writer.WriteNumber("port", port);
                    if (SipUsername is not null) writer.WriteString("username", SipUsername);
                    if (SipPassword is not null) WriteSecret(writer, "password", SipPassword);
                    if (SipSecondaryGateway is not null) writer.WriteString("secondary_gateway", SipSecondaryGateway);
                    writer.WriteEndObject();
                }
                if (AdditionalSettings is not null)
                {
                    writer.WritePropertyName("additional_settings");
                    PlainJson.Write(writer, AdditionalSettings);
                }
                writer.WriteEndObject();
            }
            return buffer.ToArrayAndClear();
        }

        /// <summary>Each value in words, for -WhatIf and -Confirm: never the password, only that it is sent.</summary>
        /// <param name="update">For a PATCH: an empty value clears, and additional_settings replaces what is stored.</param>
        public IReadOnlyList<string> Changes(bool update = false)
        {
            var changes = new List<string>();
            if (AgentUuid is Guid agent) changes.Add($"agent {agent:D}");
            if (Direction is not null) changes.Add($"direction {Direction}");
            if (Name is not null) changes.Add(Name.Length == 0 ? "name cleared" : $"name '{Name}'");
            Add(changes, "sip.gateway", SipGateway);
            if (SipPort is int port) changes.Add($"sip.port {port}");
            Add(changes, "sip.username", SipUsername);
            if (SipPassword is not null) changes.Add(SipPassword.Length == 0 ? "sip.password cleared" : "sip.password (not shown)");
            Add(changes, "sip.secondary_gateway", SipSecondaryGateway);
            if (AdditionalSettings is not null)
            {
                string keys = string.Join(", ", AdditionalSettings.Keys);
                changes.Add(!update ? $"additional_settings ({keys})" : AdditionalSettings.Count == 0 ? "additional_settings cleared" : $"additional_settings replaced ({keys})");
            }
            return changes;
        }

        private static void Add(List<string> changes, string field, string? value)
        {
            if (value is not null) changes.Add(value.Length == 0 ? field + " cleared" : $"{field} '{value}'");
        }

        private static void WriteSecret(Utf8JsonWriter writer, string name, SecureString secret)
        {
            IntPtr unmanaged = IntPtr.Zero;
            var chars = new char[secret.Length];
            GCHandle pinned = GCHandle.Alloc(chars, GCHandleType.Pinned);
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                writer.WriteString(name, chars.AsSpan());
                // The writer keeps what it encoded in its own buffer until it is flushed into ours, which zeroes what it drops.
                writer.Flush();
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                pinned.Free();
                if (unmanaged != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }
    }
}
