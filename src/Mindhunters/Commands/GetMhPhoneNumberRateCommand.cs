using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>Lists the outbound call rates, in pages of 200 (the most the API allows).</summary>
    [Cmdlet(VerbsCommon.Get, "MhPhoneNumberRate", SupportsPaging = true)]
    [OutputType(typeof(PhoneNumberRate))]
    public sealed class GetMhPhoneNumberRateCommand : MhListCmdlet<PhoneNumberRate>
    {
        [Parameter]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string? CountryCode { get; set; }

        [Parameter]
        [ValidateNotNullOrWhiteSpace]
        [ValidateE164("prefix")]
        public string? Prefix { get; set; }

        private protected override ListEndpoint<PhoneNumberRate> Endpoint => Endpoints.PhoneNumberRates;

        protected override void ProcessRecord()
        {
            var query = new PhoneNumberRateQuery { CountryCode = CountryCode, Prefix = Prefix };
            List(query, (object?)CountryCode ?? Prefix);
        }
    }
}
