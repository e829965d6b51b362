using System;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Lists the workspace's phone numbers, page after page, each page written as soon as it arrives; or, with -Number,
    /// finds exactly the numbers given.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MhPhoneNumber", SupportsPaging = true, DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PhoneNumber))]
    public sealed class GetMhPhoneNumberCommand : MhListCmdlet<PhoneNumber>
    {
        private const string ListSet = "List";
        private const string NumberSet = "Number";

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("active", "pending", "inactive")]
        public string? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string? CountryCode { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("local", "toll_free", "mobile", "national")]
        public string? Type { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("completed", "requirement_pending")]
        public string? Compliance { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AgentUuid", "agent_uuid")]
        public Guid? BoundToAgentUuid { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("created_at", "monthly_fee", "number")]
        public string? Sort { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeExternal { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        public int Page { get; set; } = 1;

        [Parameter(Mandatory = true, ParameterSetName = NumberSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateE164("number")]
        public string[] Number { get; set; } = new string[0];

        private protected override ListEndpoint<PhoneNumber> Endpoint => Endpoints.PhoneNumbers;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ParameterSetName == NumberSet && (IsBound("First") || IsBound("Skip") || IsBound("IncludeTotalCount")))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    new ArgumentException("-First, -Skip and -IncludeTotalCount page through a listing; -Number returns exactly the numbers given. Leave them out (Select-Object -First works on what -Number returns)."),
                    "MhPagingWithNumber", null));
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == NumberSet)
            {
                MhConnection connection = ResolveConnection();
                foreach (string number in Number)
                {
                    foreach (PhoneNumber found in FindPhoneNumbers(connection, number, PerPage))
                    {
                        if (IsNew(Endpoint, found)) WriteObject(found);
                    }
                }
                return;
            }
            var query = new PhoneNumberQuery
            {
                Status = Status,
                CountryCode = CountryCode,
                Type = Type,
                Compliance = Compliance,
                Search = Search,
                BoundToAgentUuid = BoundToAgentUuid,
                Sort = Sort,
                IncludeExternal = IsBound(nameof(IncludeExternal)) ? IncludeExternal.IsPresent : null,
            };
            List(query, BoundToAgentUuid, IsBound(nameof(Page)) ? Page : null);
        }
    }
}
