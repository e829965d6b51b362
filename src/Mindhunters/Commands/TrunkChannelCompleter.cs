using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>Completes a trunk's -Channel: Call and WhatsApp (never Sms, which trunks do not carry).</summary>
    public sealed class TrunkChannelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (string channel in new[] { PhoneNumberTrunks.Call, PhoneNumberTrunks.WhatsApp })
            {
                if (channel.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) yield return new CompletionResult(channel, channel, CompletionResultType.ParameterValue, channel);
            }
        }
    }
}
