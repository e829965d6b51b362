using System;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// net472 only: the two .NET 6+ helpers that the fake API's data files (compiled into the tests on net472,
    /// see Mindhunters.Tests.csproj) call, so those files are shared as they are instead of forked.
    /// </summary>
    internal static class NetFrameworkShims
    {
        extension(ArgumentNullException)
        {
            public static void ThrowIfNull(object? argument, string? paramName = null)
            {
                if (argument is null) throw new ArgumentNullException(paramName);
            }
        }

        extension(string)
        {
            /// <summary>An interpolated string formatted with <paramref name="provider"/>, as .NET 6's string.Create does.</summary>
            public static string Create(IFormatProvider provider, FormattableString text) => text.ToString(provider);
        }
    }
}
