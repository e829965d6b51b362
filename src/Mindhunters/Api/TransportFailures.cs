using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Mindhunters.Api
{
    /// <summary>What a failed attempt's exception says about the network, on .NET and on .NET Framework alike.</summary>
    internal static class TransportFailures
    {
        public static bool IsNetworkFailure(Exception e) => e is HttpRequestException or IOException or WebException;

        /// <summary>The server's host refused the connection: the request never left this machine.</summary>
        public static bool IsConnectionRefused(Exception e)
        {
            for (Exception? current = e; current is not null; current = current.InnerException)
            {
                if (current is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused) return true;
                if (current is WebException web && web.Status == WebExceptionStatus.ConnectFailure) return true;
            }
            return false;
        }

        /// <summary>
        /// The server was reached but its answer is not HTTP the client can read (a 1 MB header, a broken status line):
        /// retrying cannot help and "could not reach" would send the reader to the wrong place. .NET 8 says so in
        /// HttpRequestException.HttpRequestError, which netstandard2.0 cannot name, hence the lookup by name;
        /// .NET Framework says so in WebException.Status.
        /// </summary>
        public static bool IsUnreadableAnswer(Exception e)
        {
            for (Exception? current = e; current is not null; current = current.InnerException)
            {
                if (current is HttpRequestException)
                {
                    string? error = current.GetType().GetProperty("HttpRequestError")?.GetValue(current)?.ToString();
                    if (error is "InvalidResponse" or "ConfigurationLimitExceeded") return true;
                }
                if (current is WebException web && web.Status is WebExceptionStatus.ServerProtocolViolation or WebExceptionStatus.MessageLengthLimitExceeded) return true;
            }
            return false;
        }

        public static Exception Innermost(Exception e)
        {
            while (e.InnerException is not null) e = e.InnerException;
            return e;
        }
    }
}
