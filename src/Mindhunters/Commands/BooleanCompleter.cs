using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Mindhunters.Commands
{
    /// <summary>Completes $true and $false, so Tab after -SmsEnabled offers the values instead of file names.</summary>
    public sealed class BooleanCompleter : IArgumentCompleter
    {
        private static readonly string[] Values = { "$true", "$false" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = wordToComplete ?? "";
            foreach (string value in Values)
            {
                if (value.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || value.Substring(1).StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, value);
                }
            }
        }
    }
}
