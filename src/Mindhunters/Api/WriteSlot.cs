using System;
using System.Threading.Tasks;

namespace Mindhunters.Api
{
    /// <summary>
    /// One piped object's place in a <see cref="WriteWindow"/>: its write under way, or, for an object that needs none,
    /// what to say about it when its turn comes. The outcome is reported only when every object before it is.
    /// </summary>
    internal sealed class WriteSlot
    {
        /// <summary>A write sent for <paramref name="about"/>; its task gives the API's answer (null: a 2xx without a body).</summary>
        public WriteSlot(object about, (string One, string Many) noun, Task<object?> write, bool passThru)
        {
            About = about;
            Noun = noun;
            Write = write;
            PassThru = passThru;
        }

        /// <summary>
        /// An object nothing was sent for: <paramref name="note"/> says why (Verbose), and -PassThru writes
        /// <paramref name="asItIs"/>, the object as it was piped.
        /// </summary>
        public WriteSlot(object about, (string One, string Many) noun, string note, object asItIs, bool passThru)
        {
            About = about;
            Noun = noun;
            Note = note;
            AsItIs = asItIs;
            PassThru = passThru;
        }

        /// <summary>What errors about it name: the uuid, or the name of an object that has none (a trunk's number).</summary>
        public object About { get; }
        public (string One, string Many) Noun { get; }

        /// <summary>The request under way; null when nothing was sent.</summary>
        public Task<object?>? Write { get; }

        /// <summary>Why nothing was sent; null when something was.</summary>
        public string? Note { get; }

        /// <summary>The object as piped, for -PassThru when nothing was sent.</summary>
        public object? AsItIs { get; }

        public bool PassThru { get; }

        /// <summary>True while the request is under way.</summary>
        public bool Running => Write is { IsCompleted: false };
    }
}
