using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Mindhunters.Api;

namespace Mindhunters.Tests
{
    /// <summary>Keeps what the engine said, from any thread, for assertions.</summary>
    internal sealed class RecordingLog : IListingLog
    {
        private readonly ConcurrentQueue<(char Kind, string Text)> _messages = new ConcurrentQueue<(char, string)>();

        public bool VerboseWanted => true;

        public void Verbose(string message) => _messages.Enqueue(('V', message));
        public void Debug(string message) => _messages.Enqueue(('D', message));
        public void Warning(string message) => _messages.Enqueue(('W', message));

        public IEnumerable<string> All => _messages.Select(m => m.Text);
        public IEnumerable<string> VerboseLines => Of('V');
        public IEnumerable<string> DebugLines => Of('D');
        public IEnumerable<string> WarningLines => Of('W');

        private IEnumerable<string> Of(char kind) => _messages.Where(m => m.Kind == kind).Select(m => m.Text);
    }
}
