using System;

namespace Mindhunters.Api
{
    /// <summary>
    /// A request body that holds a secret (a SIP password), zeroed when the write that sends it ends, retries and failures
    /// included: the secret is in memory as plain bytes only while it may be sent.
    /// </summary>
    internal readonly struct SecretBody : IDisposable
    {
        private readonly byte[]? _body;

        /// <param name="body">The body to zero at the end; null when it holds no secret.</param>
        public SecretBody(byte[]? body) => _body = body;

        public void Dispose()
        {
            if (_body is not null) Array.Clear(_body, 0, _body.Length);
        }
    }
}
