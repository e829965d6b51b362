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

        /// <summary>An empty text passes: a CSV row whose Number cell is empty, which has its uuid instead.</summary>
        public bool AllowEmpty { get; set; }

        protected override void ValidateElement(object element)
        {
            string text = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString() ?? "";
            if (AllowEmpty && text.Trim().Length == 0) return;
            if (E164.Problem(text, _what) is null) return;
            // The value may be a piped object's, so a server's: it is shown cleaned and redacted, as server text always is.
            MhConnection? connection;
            try
            {
                connection = ConnectionStore.Resolve(System.Environment.GetEnvironmentVariable);
            }
            catch (MhApiException)
            {
                connection = null;
            }
            throw new ValidationMetadataException(E164.Problem(ServerText.Clean(text, connection, 100), _what));
        }
    }
}
