using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>Lists the outbound call rates, in pages of 200 (the most the API allows).</summary>
    [Cmdlet(VerbsCommon.Get, "MhPhoneNumberRate", SupportsPaging = true)]
    [OutputType(typeof(PhoneNumberRate))]
    public sealed class GetMhPhoneNumberRateCommand : MhCmdlet
    {
        [Parameter]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string? CountryCode { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Prefix { get; set; }

        [Parameter]
        [ValidateRange(1, 8)]
        public int ThrottleLimit { get; set; } = 1;

        protected override void ProcessRecord()
        {
            var query = new PhoneNumberRateQuery { CountryCode = CountryCode, Prefix = Prefix };
            ListEndpoint<PhoneNumberRate> endpoint = Endpoints.PhoneNumberRates;
            PagePlan plan = PagePlan.Create(null, null, PagingParameters.Skip, PagingParameters.First, PagingParameters.IncludeTotalCount, endpoint.MaxPerPage);
            WriteListing(endpoint, query, plan, ThrottleLimit, null, (object?)CountryCode ?? Prefix);
        }
    }
}
