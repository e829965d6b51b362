using System;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// A test of how the runtime's own HTTP stack reports a broken answer (a corrupt or foreign compression, a header
    /// of a megabyte). Under Mono that stack is Mono's, not .NET Framework's (which Windows PowerShell runs), and it
    /// reports these as plain I/O errors; so there the test is skipped, with this reason, rather than made to pass.
    /// </summary>
    public sealed class NetworkStackFactAttribute : FactAttribute
    {
        public NetworkStackFactAttribute()
        {
            if (Type.GetType("Mono.Runtime") is not null)
            {
                Skip = "Mono's HttpClient is not .NET Framework's: how it reports a broken HTTP answer says nothing about Windows PowerShell.";
            }
        }
    }
}
