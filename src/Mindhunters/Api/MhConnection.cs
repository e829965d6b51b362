using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.RegularExpressions;

namespace Mindhunters.Api
{
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
        private readonly SecureString[] _secrets = new SecureString[0];

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

        /// <summary>The same connection, which also blanks <paramref name="secrets"/> (read-only copies) wherever it redacts.</summary>
        private MhConnection(MhConnection connection, SecureString[] secrets)
            : this(connection.Subdomain, connection.BaseUri, connection._token, connection.Origin, connection.Timeout)
        {
            _secrets = secrets;
        }

        public string Subdomain { get; }

        /// <summary>Always ends with '/', so relative API paths append to any path prefix a proxy needs.</summary>
        public Uri BaseUri { get; }

        public TokenOrigin Origin { get; }
        public TimeSpan Timeout { get; }

        /// <summary>How long the token is, without turning it into text.</summary>
        public int TokenLength => _token.Length;

        /// <summary>How long the shortest secret to redact is (the token, or another secret the command holds): shorter text holds none.</summary>
        public int ShortestSecretLength
        {
            get
            {
                int shortest = _token.Length;
                foreach (SecureString secret in _secrets) shortest = Math.Min(shortest, secret.Length);
                return shortest;
            }
        }

        /// <summary>
        /// This connection for a request that carries other secrets than the token (a SIP password): server text about it
        /// is redacted of those too. The secrets stay SecureStrings; they become text only while text is redacted.
        /// </summary>
        public MhConnection WithSecrets(IEnumerable<SecureString> secrets)
        {
            var copies = new List<SecureString>(_secrets);
            foreach (SecureString secret in secrets)
            {
                if (secret.Length == 0) continue;
                SecureString copy = secret.Copy();
                copy.MakeReadOnly();
                copies.Add(copy);
            }
            return new MhConnection(this, copies.ToArray());
        }

        /// <summary>The token and the other secrets as text, for redaction only: each string lives while one text is redacted.</summary>
        internal IEnumerable<string> SecretsAsText()
        {
            yield return CreateAuthorizationHeaderValue().Substring("Bearer ".Length);
            foreach (SecureString secret in _secrets) yield return Text(secret);
        }

        /// <summary>The base URI is on this machine: requests to it never go through a proxy.</summary>
        public bool IsLoopback { get; }

        /// <summary>The absolute address of an API path such as "api/v1/phone-numbers", without a query.</summary>
        public string EndpointUri(string path) => _baseUriText + path;

        /// <summary>
        /// Validates everything before any request can be made with it. Every message names where the bad value came
        /// from (-Subdomain or MIHU_TENANT, -Token or MIHU_API_TOKEN, -BaseUri or MIHU_BASE_URI, after
        /// <paramref name="origin"/>) and shows no token and no user info of a URI.
        /// </summary>
        /// <exception cref="ArgumentException">A message that says which value is wrong and what is allowed.</exception>
        public static MhConnection Create(string subdomain, SecureString token, Uri? baseUri, int timeoutSec, TokenOrigin origin)
        {
            bool fromEnvironment = origin == TokenOrigin.Environment;
            subdomain = (subdomain ?? "").Trim();
            if (!DnsLabel.IsMatch(subdomain))
            {
                string given = fromEnvironment ? $"{TenantVariable} is '{Shown(subdomain)}', which" : $"-Subdomain '{Shown(subdomain)}'";
                throw new ArgumentException(
                    $"{given} is not a workspace subdomain. Give one DNS label (letters, digits and inner hyphens, at most 63), such as 'acme' for https://acme.mindhunters.ai.{SubdomainHint(subdomain, fromEnvironment)}");
            }
            string tokenName = fromEnvironment ? TokenVariable : "-Token";
            if (token is null || token.Length == 0)
            {
                throw new ArgumentException($"The API token given with {tokenName} is empty. Give the workspace's API token.");
            }
            if (HasControlCharacter(token))
            {
                // A CR or LF would be written into the request as a header line of its own (header injection);
                // no real token has one. Refused before any request; the token itself is never shown.
                throw new ArgumentException(
                    $"The API token given with {tokenName} contains a control character (such as a line break), which no API token has; nothing was sent. " +
                    "If it was read from a file or a secret store, remove the line end, for example with .Trim().");
            }
            if (timeoutSec < 1 || timeoutSec > 3600)
            {
                throw new ArgumentException($"The timeout must be from 1 to 3600 seconds; {timeoutSec} was given.");
            }
            Uri effective = baseUri is null
                ? new Uri($"https://{subdomain.ToLowerInvariant()}.mindhunters.ai/")
                : ValidateBaseUri(baseUri, fromEnvironment ? BaseUriVariable : "-BaseUri");
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
                throw new ArgumentException($"{BaseUriVariable} is not an absolute URI such as https://acme.mindhunters.ai: '{Shown(baseUri)}' was given.");
            }
            using var secure = new SecureString();
            foreach (char c in token!) secure.AppendChar(c);
            return Create(tenant!, secure, parsedBase, DefaultTimeoutSec, TokenOrigin.Environment);
        }

        /// <summary>
        /// https anywhere; http only on a loopback address; never user info, a query or a fragment. A path that ends
        /// in /api/v1 (the docs' "base URL") is taken as its API root, so both forms reach the same endpoints.
        /// </summary>
        /// <param name="name">Where the value came from, for the message: -BaseUri or MIHU_BASE_URI.</param>
        public static Uri ValidateBaseUri(Uri baseUri, string name)
        {
            if (!baseUri.IsAbsoluteUri)
            {
                throw new ArgumentException($"{name} must be an absolute URI such as https://acme.mindhunters.ai; '{Shown(baseUri.OriginalString)}' was given.");
            }
            bool https = baseUri.Scheme == Uri.UriSchemeHttps;
            bool loopbackHttp = baseUri.Scheme == Uri.UriSchemeHttp && IsLoopbackUri(baseUri);
            if (!https && !loopbackHttp)
            {
                // Scheme, host and port only (Uri.GetLeftPart(Authority) would echo a user name and password), and
                // nothing at all when there is an '@': in "alice:pw@host" the user name parses as the scheme.
                string given = baseUri.OriginalString.IndexOf('@') >= 0 ? "." : $"; '{baseUri.Scheme}://{baseUri.Authority}' was given.";
                throw new ArgumentException($"{name} must use https (http is allowed only on a loopback address such as 127.0.0.1){given}");
            }
            if (!string.IsNullOrEmpty(baseUri.UserInfo))
            {
                throw new ArgumentException($"{name} must not carry a user name or password (the part before '@'); give the token with -Token or {TokenVariable}.");
            }
            if (!string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
            {
                throw new ArgumentException($"{name} must not have a query or a fragment.");
            }
            string text = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (text.EndsWith(ApiRoot, StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - ApiRoot.Length);
            return new Uri(text + "/");
        }

        // Every endpoint path starts with it; a base URI copied with it from the docs must not double it.
        private const string ApiRoot = "/api/v1";

        /// <summary>
        /// A value as an error message may show it: no user info of a URI ("user:secret@" goes), no control
        /// characters, at most 100 characters.
        /// </summary>
        internal static string Shown(string? value)
        {
            string text = value ?? "";
            // The authority starts after "//" (or at the start, when there is none) and ends at the path; anything up
            // to its last '@' is user info.
            int scheme = text.IndexOf("//", StringComparison.Ordinal);
            int start = scheme < 0 ? 0 : scheme + 2;
            int stop = text.IndexOfAny(new[] { '/', '?', '#' }, start);
            if (stop < 0) stop = text.Length;
            int at = stop > start ? text.LastIndexOf('@', stop - 1, stop - start) : -1;
            if (at >= 0) text = text.Substring(0, start) + text.Substring(at + 1);
            var shown = new System.Text.StringBuilder(Math.Min(text.Length, 101));
            foreach (char c in text)
            {
                if (shown.Length == 100) return shown.Append('…').ToString();
                shown.Append(char.IsControl(c) ? '?' : c);
            }
            return shown.ToString();
        }

        /// <summary>
        /// For a host name given as the subdomain: the label meant ("acme" of acme.mindhunters.ai), and for a
        /// Mihu-branded workspace (acme.mihu.ai) the base URI that reaches it too.
        /// </summary>
        private static string SubdomainHint(string value, bool fromEnvironment)
        {
            string host = Regex.Replace(value, "^[A-Za-z][A-Za-z0-9+.-]*://", "", RegexOptions.CultureInvariant);
            int at = host.IndexOf('@');
            if (at >= 0) host = host.Substring(at + 1);
            int end = host.IndexOfAny(new[] { '/', ':', '?', '#' });
            if (end >= 0) host = host.Substring(0, end);
            host = host.TrimEnd('.').ToLowerInvariant();
            int dot = host.IndexOf('.');
            if (dot <= 0) return "";
            string label = host.Substring(0, dot);
            string domain = host.Substring(dot + 1);
            if (!DnsLabel.IsMatch(label)) return "";
            if (domain == "mindhunters.ai")
            {
                return fromEnvironment ? $" Did you mean {TenantVariable}={label}?" : $" Did you mean -Subdomain {label}?";
            }
            if (domain == "mihu.ai")
            {
                return fromEnvironment
                    ? $" For a Mihu-branded workspace, set {TenantVariable}={label} and {BaseUriVariable}=https://{label}.mihu.ai."
                    : $" For a Mihu-branded workspace, use -Subdomain {label} -BaseUri https://{label}.mihu.ai.";
            }
            return fromEnvironment
                ? $" To reach another address, set {BaseUriVariable}."
                : " To reach another address, use -BaseUri.";
        }

        /// <summary>Reads the token in place (never as a managed string) for any control character.</summary>
        private static bool HasControlCharacter(SecureString token)
        {
            IntPtr text = IntPtr.Zero;
            try
            {
                text = Marshal.SecureStringToGlobalAllocUnicode(token);
                for (int i = 0; i < token.Length; i++)
                {
                    if (char.IsControl((char)Marshal.ReadInt16(text, i * 2))) return true;
                }
                return false;
            }
            finally
            {
                if (text != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(text);
            }
        }

        private static bool IsLoopbackUri(Uri uri)
        {
            if (uri.IsLoopback) return true;
            string host = uri.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address);
        }

        /// <summary>The one place where the token becomes text for a request: the value of one request's Authorization header.</summary>
        public string CreateAuthorizationHeaderValue() => "Bearer " + Text(_token);

        private static string Text(SecureString secret)
        {
            IntPtr text = IntPtr.Zero;
            try
            {
                text = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(text, secret.Length);
            }
            finally
            {
                if (text != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(text);
            }
        }

        public override string ToString() => $"{Subdomain} ({BaseUri})";
    }
}
