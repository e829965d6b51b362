using System;

namespace Mindhunters.Api
{
    /// <summary>Thrown while an answer is read, the moment it crosses one of <see cref="ReadLimits"/>.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        /// <param name="what">"its body is larger than the 32 MiB the module reads"</param>
        /// <param name="itemsStarted">How many of a page's items had begun when the limit was crossed.</param>
        public ResponseTooLargeException(string what, PageSizeRefusal refusal, int itemsStarted)
            : base(what)
        {
            Refusal = refusal;
            ItemsStarted = itemsStarted;
        }

        public PageSizeRefusal Refusal { get; }

        public int ItemsStarted { get; }
    }
}
