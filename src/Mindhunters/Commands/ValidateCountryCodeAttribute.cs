using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// An ISO 3166-1 alpha-2 code that exists, in any case, with a message that says so (ValidatePattern would print
    /// the regex at the user). A code that is well formed but assigned to no country, such as XX or the usual slip
    /// UK, is refused too: the API would only answer with an empty list. On a string[] parameter each element is
    /// checked (ValidateEnumeratedArgumentsAttribute calls <see cref="ValidateElement"/> once per element).
    /// </summary>
    internal sealed class ValidateCountryCodeAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            string text = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString() ?? "";
            string? problem = CountryCodes.Problem(text);
            if (problem is not null) throw new ValidationMetadataException(problem);
        }
    }
}
