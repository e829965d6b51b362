using System;
using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Turns a -BaseUri string into a Uri with a message that shows no user info: PowerShell's own conversion error
    /// echoes the whole text, password included. The checks of what is allowed stay in MhConnection.
    /// </summary>
    internal sealed class BaseUriTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text)
            {
                if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri)) return uri;
                throw new ArgumentTransformationMetadataException(
                    $"-BaseUri must be an absolute URI such as https://acme.mindhunters.ai; '{MhConnection.Shown(text)}' was given.");
            }
            return inputData;
        }
    }
}
