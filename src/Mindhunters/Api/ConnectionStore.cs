using System;

namespace Mindhunters.Api
{
    /// <summary>
    /// The connection made by Connect-MhAccount. One per process, not per runspace, so that
    /// ForEach-Object -Parallel and thread jobs work after a single connect.
    /// </summary>
    internal static class ConnectionStore
    {
        private static volatile MhConnection? _current;

        public static MhConnection? Current => _current;

        public static void Set(MhConnection connection) => _current = connection;

        public static void Clear() => _current = null;

        /// <summary>The Connect-MhAccount connection, else the environment's, else an error naming both ways.</summary>
        public static MhConnection Resolve(Func<string, string?> getVariable)
        {
            MhConnection? connection = _current;
            if (connection is not null) return connection;
            try
            {
                connection = MhConnection.FromEnvironment(getVariable);
            }
            catch (ArgumentException e)
            {
                throw new MhApiException(MhErrorKind.NotConnected, e.Message,
                    $"Fix the environment variables, or run Connect-MhAccount -Subdomain <name> -Token (Read-Host -AsSecureString).", e);
            }
            return connection ?? throw new MhApiException(MhErrorKind.NotConnected,
                "Not connected to a Mindhunters workspace.",
                $"Run Connect-MhAccount -Subdomain <name> -Token (Read-Host -AsSecureString), or set the {MhConnection.TenantVariable} and {MhConnection.TokenVariable} environment variables.");
        }
    }
}
