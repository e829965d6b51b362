using System;
using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// A trunk's channel: Call or WhatsApp, in any case. SMS is refused with the way to bind an SMS number, which a
    /// ValidateSet could only refuse as "not in the set": trunks do not carry SMS, agents get an SMS number otherwise.
    /// </summary>
    internal sealed class ValidateTrunkChannelAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string text = ((arguments is PSObject wrapped ? wrapped.BaseObject : arguments)?.ToString() ?? "").Trim();
            if (text.Equals(PhoneNumberTrunks.Call, StringComparison.OrdinalIgnoreCase) || text.Equals(PhoneNumberTrunks.WhatsApp, StringComparison.OrdinalIgnoreCase)) return;
            if (text.Equals("Sms", StringComparison.OrdinalIgnoreCase))
            {
                throw new ValidationMetadataException(
                    "SMS is not supported on trunks: a trunk carries calls or WhatsApp. To give an agent an SMS number, use Set-MhPhoneNumberBinding -Channel Sms.");
            }
            throw new ValidationMetadataException($"'{text}' is not a trunk channel: give Call or WhatsApp.");
        }
    }
}
