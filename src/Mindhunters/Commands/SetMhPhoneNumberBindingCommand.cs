using System;
using System.Collections.Generic;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Api.Json;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Binds a phone number to an agent for calls or SMS: one POST per number and agent (<see cref="AgentChannelAssignment"/>).
    /// It moves live traffic, so it asks first (ConfirmImpact High), and its prompt says what changes from what to what:
    /// the binding now as the piped number shows it, the agents by name as the piped objects or one listing of the agents
    /// give them (a GET; -WhatIf sends no change).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MhPhoneNumberBinding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Agent))]
    public sealed class SetMhPhoneNumberBindingCommand : MhWriteCmdlet
    {
        // Agent names seen in the piped objects, for the prompts of the objects that follow.
        private readonly Dictionary<Guid, string> _agentNames = new Dictionary<Guid, string>();
        // What this command already bound: a number on a channel, and (SMS) an agent, so that a later object cannot undo it.
        private readonly HashSet<string> _given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private bool _lookedUp;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number_uuid")]
        public Guid PhoneNumberUuid { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("agent_uuid")]
        public Guid AgentUuid { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet(AgentChannelAssignment.Call, AgentChannelAssignment.Sms)]
        public string Channel { get; set; } = AgentChannelAssignment.Call;

        // Only so that -WhatIf and -Confirm can name the agents: what is bound is PhoneNumberUuid to AgentUuid.
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            Guid number = PhoneNumberUuid, agent = AgentUuid;
            bool sms = AgentChannelAssignment.IsSms(Channel);
            string channel = sms ? "sms" : "call";
            PhoneNumber? piped = Learn(InputObject?.BaseObject, number);
            if (agent == Guid.Empty && number != Guid.Empty)
            {
                Refuse(ErrorRecords.EmptyUuid(nameof(AgentUuid), "it names no agent", "an agent lookup that found nothing: check the name given to Get-MhAgent -Name"),
                    fromPipeline: MyInvocation.ExpectingInput);
                return;
            }
            if (number != Guid.Empty && !FirstTime(number, agent, sms)) return;

            string target = piped?.Number is string text ? $"{text} ({number})" : number.ToString();
            string to = NameOf(agent);
            AgentBinding? now = piped?.Bindings is { } bindings ? sms ? bindings.Sms : bindings.Call : null;
            string from = now is null ? "" : now.Bound ? ": " + (now.AgentName ?? now.AgentUuid ?? "an agent") : ": none";
            string action = $"Set binding {channel}{from} -> {to}" + (sms ? $"; the SMS number that {to} has now, if any, is replaced by this one" : "");
            Send(new WriteIntent<AgentChannelAnswer>(number, nameof(PhoneNumberUuid), ("phone number", "phone numbers"), target, action,
                (shownAs, workspace) => AgentChannelAssignment.Request(agent, number, Channel, shownAs, workspace))
            {
                PassThru = PassThru,
                Output = answer => answer.Agent,
                OutputNoun = "agent",
            });
        }

        /// <summary>
        /// The agent's name for the prompt: from the piped objects, else from one listing of the agents, made once per command
        /// and only when a prompt or -WhatIf shows the text (-Confirm:$false never costs that request); else the uuid.
        /// </summary>
        private string NameOf(Guid agent)
        {
            if (_agentNames.TryGetValue(agent, out string? name)) return name;
            if (_lookedUp || !PromptShows() || ConnectionIfAny() is not MhConnection connection) return agent.ToString();
            _lookedUp = true;
            try
            {
                foreach (KeyValuePair<Guid, string> known in Await(AgentNames.ListAsync(connection, Log, CancellationToken))) _agentNames[known.Key] = known.Value;
            }
            catch (MhApiException e)
            {
                WriteVerboseLine("The agents' names could not be listed for the prompt, which shows their uuids: " + e.Message);
            }
            return _agentNames.TryGetValue(agent, out name) ? name : agent.ToString();
        }

        /// <summary>-WhatIf, -Confirm, or a $ConfirmPreference of High or lower (the default): the prompt's text is shown.</summary>
        private bool PromptShows()
        {
            if (LanguagePrimitives.IsTrue(MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf) ? whatIf : GetVariableValue("WhatIfPreference"))) return true;
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm)) return LanguagePrimitives.IsTrue(confirm);
            return LanguagePrimitives.TryConvertTo(GetVariableValue("ConfirmPreference"), out ConfirmImpact preference)
                && preference != ConfirmImpact.None && preference <= ConfirmImpact.High;
        }

        /// <summary>Keeps the agent names a piped object shows; the piped phone number when it is the one bound.</summary>
        private PhoneNumber? Learn(object? piped, Guid number)
        {
            switch (piped)
            {
                case Agent agent when agent.Name is string name:
                    _agentNames[agent.AgentUuid] = name;
                    return null;
                case PhoneNumber phone:
                    foreach (AgentBinding? binding in new[] { phone.Bindings?.Call, phone.Bindings?.Sms, phone.Bindings?.Whatsapp })
                    {
                        if (binding is { Bound: true, AgentName: string agentName } && Guid.TryParse(binding.AgentUuid, out Guid uuid)) _agentNames[uuid] = agentName;
                    }
                    // Values piped from another number must not be shown as this one's.
                    return phone.PhoneNumberUuid == number ? phone : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A number has one agent per channel and an agent one SMS number: binding the same number twice on a channel (or
        /// giving an agent a second SMS number) in one command would only undo the first, so the later one is refused.
        /// </summary>
        private bool FirstTime(Guid number, Guid agent, bool sms)
        {
            string numberKey = $"{(sms ? "sms" : "call")} {number:D}";
            string agentKey = $"sms agent {agent:D}";
            string? conflict = _given.Contains(numberKey)
                ? $"Phone number {number} was already bound for {(sms ? "SMS" : "calls")} earlier in this command; binding it again to agent {agent} would replace that binding, so it was not sent."
                : sms && _given.Contains(agentKey)
                    ? $"Agent {agent} was already given an SMS number earlier in this command; an agent has one SMS number, so binding {number} would replace it, and it was not sent."
                    : null;
            if (conflict is not null)
            {
                WriteError(ErrorRecords.InvalidArgument(new ArgumentException(conflict + " Bind each number once per channel, and each agent to one SMS number."),
                    "MhConflictingBinding", number));
                return false;
            }
            _given.Add(numberKey);
            if (sms) _given.Add(agentKey);
            return true;
        }
    }
}
