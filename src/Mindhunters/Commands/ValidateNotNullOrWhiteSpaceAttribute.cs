using System.Management.Automation;

namespace Mindhunters.Commands
{
    /// <summary>
    /// A text filter that holds something other than white space. PowerShell 7.4 has this attribute; Windows PowerShell
    /// 5.1 does not, and a filter of blanks would be trimmed to nothing by the API: no filter, every item.
    /// </summary>
    internal sealed class ValidateNotNullOrWhiteSpaceAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (string.IsNullOrWhiteSpace(value as string))
            {
                throw new ValidationMetadataException(
                    "The value is empty or only white space, which as a filter would match everything. Give at least one character that is not white space.");
            }
        }
    }
}
