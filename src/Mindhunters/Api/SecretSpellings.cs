using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>
    /// Every spelling of a connection's secrets (<see cref="TokenSpellings"/> of the token and of the other secrets it
    /// carries), made on first need. Whoever holds one decides how long they live: one call of
    /// <see cref="ServerText.Clean(MhConnection, int, string[])"/>, or one write command, which cleans a target and an
    /// action for every object piped into it.
    /// </summary>
    internal sealed class SecretSpellings
    {
        private IReadOnlyList<string>? _all;

        public SecretSpellings(MhConnection connection) => Connection = connection;

        public MhConnection Connection { get; }

        public IReadOnlyList<string> All => _all ??= Make(Connection);

        private static IReadOnlyList<string> Make(MhConnection connection)
        {
            var made = new List<string>();
            foreach (string secret in connection.SecretsAsText())
            {
                // A secret of a few characters would blank ordinary words: the token and real passwords are far longer.
                if (secret.Length >= 4) made.AddRange(TokenSpellings.Of(secret));
            }
            return made;
        }
    }
}
