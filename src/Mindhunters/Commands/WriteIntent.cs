using System;
using System.Collections.Generic;
using System.Security;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// One write as a cmdlet describes it to <see cref="MhWriteCmdlet"/>: what it is about, how its target and its change
    /// read (server text included: the base cleans and redacts both before anything shows them), how to make the
    /// engine's request once the connection is known, and, when the piped object shows it, that nothing would change.
    /// </summary>
    internal sealed class WriteIntent<T> where T : class
    {
        /// <param name="about">The uuid of the object the write changes.</param>
        /// <param name="aboutParameter">The parameter it came from, for the message when it is empty: "PhoneNumberUuid".</param>
        /// <param name="noun">What the object is, singular and plural: ("phone number", "phone numbers").</param>
        /// <param name="target">ShouldProcess's target: "+15550001 (3c90…)"; may hold server text.</param>
        /// <param name="action">ShouldProcess's action: "Set channel settings: sms.enabled from True to False"; may hold server text.</param>
        /// <param name="request">The request, from the target as shown (cleaned) and the workspace's subdomain.</param>
        public WriteIntent(Guid about, string aboutParameter, (string One, string Many) noun, string target, string action, Func<string, string, WriteRequest<T>> request)
        {
            About = about;
            AboutParameter = aboutParameter;
            Noun = noun;
            Target = target;
            Action = action;
            Request = request;
        }

        /// <summary>A write about an object that a name identifies, not a uuid: a trunk by its number, a number to buy.</summary>
        /// <param name="name">What identifies it, already validated ("+390212345678"): the target of its errors.</param>
        public WriteIntent(string name, (string One, string Many) noun, string target, string action, Func<string, string, WriteRequest<T>> request)
            : this(Guid.Empty, "", noun, target, action, request)
        {
            Name = name;
        }

        public Guid About { get; }
        public string AboutParameter { get; }

        /// <summary>The name that identifies the object when no uuid does; null when <see cref="About"/> does.</summary>
        public string? Name { get; }

        /// <summary>What an error about this write names as its target: the name, else the uuid.</summary>
        public object ErrorTarget => Name ?? (object)About;

        public (string One, string Many) Noun { get; }
        public string Target { get; }
        public string Action { get; }
        public Func<string, string, WriteRequest<T>> Request { get; }

        /// <summary>-PassThru: write the object as the API answered it.</summary>
        public bool PassThru { get; init; }

        /// <summary>What -PassThru writes of the answer (the agent of a binding's answer); the answer itself when null.</summary>
        public Func<T, object?>? Output { get; init; }

        /// <summary>What <see cref="Output"/> gives, for the Verbose line when the answer holds none: "agent".</summary>
        public string? OutputNoun { get; init; }

        /// <summary>
        /// A second request for the same object, sent after the first succeeded, under the same confirmation (a trunk's
        /// settings, then its move to another agent); its answer is what -PassThru writes.
        /// </summary>
        public Func<string, string, WriteRequest<T>>? FollowUp { get; init; }

        /// <summary>What the error says when the first request failed and the follow-up was therefore not sent.</summary>
        public string? NoteWhenFirstFails { get; init; }

        /// <summary>What the error says when the first request succeeded and the follow-up failed.</summary>
        public string? NoteWhenFollowUpFails { get; init; }

        /// <summary>Secrets the request carries besides the token (a SIP password): server text that echoes them is blanked too.</summary>
        public IReadOnlyList<SecureString> Secrets { get; init; } = new SecureString[0];

        /// <summary>
        /// The object as piped, when it already has every value the write asks for: then nothing is sent for it (unless
        /// <see cref="Force"/>), Verbose says it is unchanged, -WhatIf does not list it, and -PassThru writes it as it is.
        /// Null when it does not, or when nothing shows it (a bare uuid): the write is sent.
        /// </summary>
        public T? AlreadySo { get; init; }

        /// <summary>-Force: send even when <see cref="AlreadySo"/> says nothing would change (the piped object may be stale).</summary>
        public bool Force { get; init; }
    }
}
