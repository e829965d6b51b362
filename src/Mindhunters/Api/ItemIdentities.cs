using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace Mindhunters.Api
{
    /// <summary>
    /// What tells the items of a listing apart: an item's uuid, or for an item that has none (a rate) its whole content,
    /// as a hash of what the module read of it. Two rates of the same country, prefix and origination but another price
    /// are two rates; the same rate sent twice, in whatever order, is one.
    /// </summary>
    internal sealed class ItemIdentities<T> : IDisposable where T : class
    {
        private readonly ListEndpoint<T> _endpoint;
        private readonly SHA256 _hash = SHA256.Create();

        public ItemIdentities(ListEndpoint<T> endpoint) => _endpoint = endpoint;

        public Guid Of(T item)
        {
            Guid uuid = _endpoint.Id(item);
            if (uuid != Guid.Empty) return uuid;
            byte[] content = JsonSerializer.SerializeToUtf8Bytes(item, _endpoint.ItemType);
            byte[] digest = _hash.ComputeHash(content);
            var first16 = new byte[16];
            Array.Copy(digest, first16, 16);
            return new Guid(first16);
        }

        public void Dispose() => _hash.Dispose();
    }
}
