using System;
using System.Collections.Generic;
using System.Threading;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// What channel assignments (POST /agents/{uuid}/channels/call/provision and /channels/sms) changed: the call or SMS
    /// agent of a number, and per agent its one SMS number. An SMS assignment replaces the agent's SMS number, so every
    /// other number whose SMS binding names that agent lists as unbound on SMS from then on. Copy on write.
    /// </summary>
    internal sealed class BindingStore
    {
        private readonly object _gate = new();
        private State _state = new(new Dictionary<(int, string), FakeBinding>(), new Dictionary<Guid, int>());

        public bool IsEmpty => Volatile.Read(ref _state).Numbers.Count == 0;

        /// <summary>The number with the bindings the assignments gave it.</summary>
        public FakePhoneNumber Current(FakePhoneNumber number)
        {
            State state = Volatile.Read(ref _state);
            if (state.Numbers.Count == 0)
            {
                return number;
            }

            FakeBinding call = state.Numbers.TryGetValue((number.Index, "call"), out FakeBinding? c) ? c : number.CallBinding;
            FakeBinding sms = state.Numbers.TryGetValue((number.Index, "sms"), out FakeBinding? s) ? s : number.SmsBinding;
            if (sms.AgentUuid is Guid agent && state.SmsNumberOf.TryGetValue(agent, out int smsIndex) && smsIndex != number.Index)
            {
                sms = FakeBinding.None;
            }

            return ReferenceEquals(call, number.CallBinding) && ReferenceEquals(sms, number.SmsBinding) ? number : number.WithBindings(call, sms, number.WhatsappBinding);
        }

        /// <param name="channel">"call" or "sms".</param>
        public void Assign(FakePhoneNumber number, string channel, FakeAgentItem agent)
        {
            lock (_gate)
            {
                var numbers = new Dictionary<(int, string), FakeBinding>(_state.Numbers) { [(number.Index, channel)] = new FakeBinding(true, agent.AgentUuid, agent.Name) };
                var smsNumberOf = new Dictionary<Guid, int>(_state.SmsNumberOf);
                if (channel == "sms")
                {
                    smsNumberOf[agent.AgentUuid] = number.Index;
                }

                Volatile.Write(ref _state, new State(numbers, smsNumberOf));
            }
        }

        private sealed record State(Dictionary<(int, string), FakeBinding> Numbers, Dictionary<Guid, int> SmsNumberOf);
    }
}
