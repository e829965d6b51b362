using System.Management.Automation;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Two letters, with a message that says so (ValidatePattern would print the regex at the user). On a string[]
    /// parameter (Set-MhPhoneNumber's destinations) each element is checked: ValidateEnumeratedArgumentsAttribute
    /// calls <see cref="ValidateElement"/> once per element, and once for a single value.
    /// </summary>
    internal sealed class ValidateCountryCodeAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            string text = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString() ?? "";
            if (text.Length != 2 || !IsAsciiLetter(text[0]) || !IsAsciiLetter(text[1]))
            {
                throw new ValidationMetadataException($"'{text}' is not a two-letter ISO 3166-1 country code. Give one such as US, GB or DE (press Tab to complete).");
            }
        }

        private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
