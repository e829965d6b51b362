using System;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.RegularExpressions;

namespace Mindhunters.Api
{
    internal enum TokenOrigin
    {
        ConnectMhAccount,
        Environment,
    }

    /// <summary>
    /// Where and how to call the API. The token stays a read-only SecureString; it is turned into text only
    /// inside <see cref="CreateAuthorizationHeaderValue"/>, while one request's header is built.
    /// </summary>
    internal sealed class MhConnection
    {
        public const string TenantVariable = "MIHU_TENANT";
        public const string TokenVariable = "MIHU_API_TOKEN";
        public const string BaseUriVariable = "MIHU_BASE_URI";
        public const int DefaultTimeoutSec = 100;

        private static readonly Regex DnsLabel = new Regex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant);

        private readonly SecureString _token;
        private readonly string _baseUriText;

        private MhConnection(string subdomain, Uri baseUri, SecureString token, TokenOrigin origin, TimeSpan timeout)
        {
            Subdomain = subdomain;
            BaseUri = baseUri;
            _baseUriText = baseUri.AbsoluteUri;
            IsLoopback = IsLoopbackUri(baseUri);
            _token = token;
            Origin = origin;
            Timeout = timeout;
        }

        public string Subdomain { get; }

        /// <summary>Always ends with '/', so relative API paths append to any path prefix a proxy needs.</summary>
        public Uri BaseUri { get; }

        public TokenOrigin Origin { get; }
        public TimeSpan Timeout { get; }

        /// <summary>The base URI is on this machine: requests to it never go through a proxy.</summary>
        public bool IsLoopback { get; }

        /// <summary>The absolute address of an API path such as "api/v1/phone-numbers", without a query.</summary>
        public string EndpointUri(string path) => _baseUriText + path;

        /// <summary>Validates everything before any request can be made with it.</summary>
        /// <exception cref="ArgumentException">A message that says which value is wrong and what is allowed.</exception>
        public static MhConnection Create(string subdomain, SecureString token, Uri? baseUri, int timeoutSec, TokenOrigin origin)
        {
            subdomain = (subdomain ?? "").Trim();
            if (!DnsLabel.IsMatch(subdomain))
            {
                throw new ArgumentException(
                    $"'{subdomain}' is not a workspace subdomain. Give one DNS label (letters, digits and inner hyphens, at most 63), such as 'acme' for https://acme.mindhunters.ai.",
                    nameof(subdomain));
            }
            if (token is null || token.Length == 0)
            {
                throw new ArgumentException("The API token is empty. Give the workspace's API token.", nameof(token));
            }
            if (timeoutSec < 1 || timeoutSec > 3600)
            {
                throw new ArgumentException($"The timeout must be from 1 to 3600 seconds; {timeoutSec} was given.", nameof(timeoutSec));
            }
            Uri effective = baseUri is null ? new Uri($"https://{subdomain.ToLowerInvariant()}.mindhunters.ai/") : ValidateBaseUri(baseUri);
            SecureString copy = token.Copy();
            copy.MakeReadOnly();
            return new MhConnection(subdomain, effective, copy, origin, TimeSpan.FromSeconds(timeoutSec));
        }

        /// <summary>The runbook path: MIHU_TENANT, MIHU_API_TOKEN and optionally MIHU_BASE_URI.</summary>
        /// <returns>Null when neither the tenant nor the token is set.</returns>
        public static MhConnection? FromEnvironment(Func<string, string?> getVariable)
        {
            string? tenant = getVariable(TenantVariable);
            string? token = getVariable(TokenVariable);
            string? baseUri = getVariable(BaseUriVariable);
            if (string.IsNullOrWhiteSpace(tenant) && string.IsNullOrEmpty(token)) return null;
            if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrEmpty(token))
            {
                string missing = string.IsNullOrWhiteSpace(tenant) ? TenantVariable : TokenVariable;
                throw new ArgumentException($"{missing} is not set. Set both {TenantVariable} and {TokenVariable}, or run Connect-MhAccount.");
            }
            Uri? parsedBase = null;
            if (!string.IsNullOrWhiteSpace(baseUri) && !Uri.TryCreate(baseUri!.Trim(), UriKind.Absolute, out parsedBase))
            {
                throw new ArgumentException($"{BaseUriVariable} is not an absolute URI: '{baseUri}'.");
            }
            using var secure = new SecureString();
            foreach (char c in token!) secure.AppendChar(c);
            return Create(tenant!, secure, parsedBase, DefaultTimeoutSec, TokenOrigin.Environment);
        }

        /// <summary>https anywhere; http only on a loopback address; never user info, a query or a fragment.</summary>
        public static Uri ValidateBaseUri(Uri baseUri)
        {
            if (!baseUri.IsAbsoluteUri)
            {
                throw new ArgumentException($"The base URI must be absolute, such as https://acme.mindhunters.ai; '{baseUri}' was given.", nameof(baseUri));
            }
            bool https = baseUri.Scheme == Uri.UriSchemeHttps;
            bool loopbackHttp = baseUri.Scheme == Uri.UriSchemeHttp && IsLoopbackUri(baseUri);
            if (!https && !loopbackHttp)
            {
                throw new ArgumentException(
                    $"The base URI must use https (http is allowed only on a loopback address such as 127.0.0.1); '{baseUri.GetLeftPart(UriPartial.Authority)}' was given.",
                    nameof(baseUri));
            }
            if (!string.IsNullOrEmpty(baseUri.UserInfo))
            {
                throw new ArgumentException("The base URI must not carry a user name or password; give the token with -Token or MIHU_API_TOKEN.", nameof(baseUri));
            }
            if (!string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
            {
                throw new ArgumentException("The base URI must not have a query or a fragment.", nameof(baseUri));
            }
            string text = baseUri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        private static bool IsLoopbackUri(Uri uri)
        {
            if (uri.IsLoopback) return true;
            string host = uri.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address);
        }

        /// <summary>The one place where the token becomes text: the value of one request's Authorization header.</summary>
        public string CreateAuthorizationHeaderValue()
        {
            IntPtr text = IntPtr.Zero;
            try
            {
                text = Marshal.SecureStringToGlobalAllocUnicode(_token);
                return "Bearer " + Marshal.PtrToStringUni(text, _token.Length);
            }
            finally
            {
                if (text != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(text);
            }
        }

        public override string ToString() => $"{Subdomain} ({BaseUri})";
    }

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
