using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// A phone number or prefix written the E.164 way (<see cref="E164"/>), refused at parameter binding when it could
    /// match nothing: "030 …" (a national form), letters, more than 15 digits. On a string[] each element is checked.
    /// </summary>
    internal sealed class ValidateE164Attribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly string _what;

        /// <param name="what">"number" or "prefix": what the message calls the value.</param>
        public ValidateE164Attribute(string what)
        {
            _what = what;
        }

        protected override void ValidateElement(object element)
        {
            string text = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString() ?? "";
            string? problem = E164.Problem(text, _what);
            if (problem is not null) throw new ValidationMetadataException(problem);
        }
    }
}
