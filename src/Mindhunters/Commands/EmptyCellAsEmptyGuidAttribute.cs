using System;
using System.Management.Automation;

namespace Mindhunters.Commands
{
    /// <summary>
    /// An empty text (the empty PhoneNumberUuid cell of a CSV row) binds as Guid.Empty instead of failing the row, so
    /// that Set-MhPhoneNumber can look the row's Number up instead. Anything else is left for PowerShell to convert.
    /// </summary>
    internal sealed class EmptyCellAsEmptyGuidAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text && text.Trim().Length == 0 ? Guid.Empty : inputData;
        }
    }
}
