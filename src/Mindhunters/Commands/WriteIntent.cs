using System;
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

        public Guid About { get; }
        public string AboutParameter { get; }
        public (string One, string Many) Noun { get; }
        public string Target { get; }
        public string Action { get; }
        public Func<string, string, WriteRequest<T>> Request { get; }

        /// <summary>-PassThru: write the object as the API answered it.</summary>
        public bool PassThru { get; init; }

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
