using System;
using System.Globalization;
using Mindhunters.Api;

namespace Mindhunters.Model
{
    /// <summary>The connection in force, as Get-MhContext shows it: everything but the token.</summary>
    public sealed class MhContext
    {
        internal MhContext(string subdomain, Uri baseUri, string tokenSource, int timeoutSec)
        {
            Subdomain = subdomain;
            BaseUri = baseUri;
            TokenSource = tokenSource;
            TimeoutSec = timeoutSec;
        }

        /// <summary>What a connection shows of itself: everything but the token.</summary>
        internal static MhContext Of(MhConnection connection) => new MhContext(
            connection.Subdomain,
            connection.BaseUri,
            connection.Origin == TokenOrigin.ConnectMhAccount ? "Connect-MhAccount" : "Environment",
            (int)connection.Timeout.TotalSeconds);

        public string Subdomain { get; }
        public Uri BaseUri { get; }

        /// <summary>"Connect-MhAccount" or "Environment" (MIHU_API_TOKEN).</summary>
        public string TokenSource { get; }

        public int TimeoutSec { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}, token from {2})", Subdomain, BaseUri, TokenSource);
    }
}
