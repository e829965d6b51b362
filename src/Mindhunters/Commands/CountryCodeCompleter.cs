using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>Completes ISO 3166-1 alpha-2 codes from what is typed (code or country name), the name as tooltip.</summary>
    public sealed class CountryCodeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            foreach (KeyValuePair<string, string> country in CountryCodes.Matching(typed))
            {
                yield return new CompletionResult(country.Key, $"{country.Key} {country.Value}", CompletionResultType.ParameterValue, country.Value);
            }
        }
    }
}
