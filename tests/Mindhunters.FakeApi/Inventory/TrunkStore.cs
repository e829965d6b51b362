using System.Collections.Generic;
using System.Threading;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The trunk rows of one scope, one per (number, channel), keyed by the number's index in <see cref="NumberInventory"/>.
    /// A number's call and WhatsApp bindings are its rows' agents. Copy on write.
    /// </summary>
    internal sealed class TrunkStore
    {
        private readonly object _gate = new();
        private Dictionary<(int Index, string Channel), FakeTrunk> _rows = new();

        public FakeTrunk? Find(int index, string channel) => Volatile.Read(ref _rows).TryGetValue((index, channel), out FakeTrunk? row) ? row : null;

        public bool HasAny(int index)
        {
            Dictionary<(int Index, string Channel), FakeTrunk> rows = Volatile.Read(ref _rows);
            return rows.ContainsKey((index, "call")) || rows.ContainsKey((index, "whatsapp"));
        }

        /// <summary>The agent's trunk on <paramref name="channel"/> for another number than <paramref name="index"/>, if any.</summary>
        public bool ServesAnother(System.Guid agent, string channel, int index)
        {
            foreach (KeyValuePair<(int Index, string Channel), FakeTrunk> row in Volatile.Read(ref _rows))
            {
                if (row.Key.Channel == channel && row.Key.Index != index && row.Value.Agent?.AgentUuid == agent)
                {
                    return true;
                }
            }

            return false;
        }

        public void Set(int index, FakeTrunk row)
        {
            lock (_gate)
            {
                Volatile.Write(ref _rows, new Dictionary<(int, string), FakeTrunk>(_rows) { [(index, row.Channel)] = row });
            }
        }

        public bool Remove(int index, string channel)
        {
            lock (_gate)
            {
                var copy = new Dictionary<(int, string), FakeTrunk>(_rows);
                bool removed = copy.Remove((index, channel));
                Volatile.Write(ref _rows, copy);
                return removed;
            }
        }

        /// <summary>The number with its rows' agents as its call and WhatsApp bindings (a number without rows as it is).</summary>
        public FakePhoneNumber Current(FakePhoneNumber number)
        {
            Dictionary<(int Index, string Channel), FakeTrunk> rows = Volatile.Read(ref _rows);
            if (rows.Count == 0 || number.Index > 0)
            {
                return number;
            }

            FakeBinding call = rows.TryGetValue((number.Index, "call"), out FakeTrunk? c) ? Binding(c) : number.CallBinding;
            FakeBinding whatsapp = rows.TryGetValue((number.Index, "whatsapp"), out FakeTrunk? w) ? Binding(w) : number.WhatsappBinding;
            return number.WithBindings(call, number.SmsBinding, whatsapp);
        }

        private static FakeBinding Binding(FakeTrunk row) => row.Agent is { } agent ? new FakeBinding(true, agent.AgentUuid, agent.Name) : FakeBinding.None;
    }
}
