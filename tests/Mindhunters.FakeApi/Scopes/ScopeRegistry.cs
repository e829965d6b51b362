using System;
using System.Collections.Concurrent;

namespace Mindhunters.FakeApi
{
    /// <summary>The scopes of one fake API process: the root scope (the command line's settings) and those tests created.</summary>
    internal sealed class ScopeRegistry
    {
        private readonly ConcurrentDictionary<string, Scope> _scopes = new(StringComparer.Ordinal);

        public ScopeRegistry(ScopeSettings root)
        {
            Root = new Scope(string.Empty, root);
        }

        /// <summary>The scope served at the root (/api/v1/..., /_fake/...), with the settings of the command line.</summary>
        public Scope Root { get; }

        public Scope Create(ScopeSettings settings)
        {
            while (true)
            {
                var scope = new Scope(Guid.NewGuid().ToString("N").Substring(0, 12), settings);
                if (_scopes.TryAdd(scope.Id, scope))
                {
                    return scope;
                }
            }
        }

        public bool TryGet(string id, out Scope scope) => _scopes.TryGetValue(id, out scope!);

        public bool Remove(string id) => _scopes.TryRemove(id, out _);
    }
}
