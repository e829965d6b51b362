using System;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>Lists the workspace's phone numbers, page after page, each page written as soon as it arrives.</summary>
    [Cmdlet(VerbsCommon.Get, "MhPhoneNumber", SupportsPaging = true)]
    [OutputType(typeof(PhoneNumber))]
    public sealed class GetMhPhoneNumberCommand : MhListCmdlet<PhoneNumber>
    {
        [Parameter]
        [ValidateSet("active", "pending", "inactive")]
        public string? Status { get; set; }

        [Parameter]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string? CountryCode { get; set; }

        [Parameter]
        [ValidateSet("local", "toll_free", "mobile", "national")]
        public string? Type { get; set; }

        [Parameter]
        [ValidateSet("completed", "requirement_pending")]
        public string? Compliance { get; set; }

        [Parameter]
        [ValidateNotNullOrWhiteSpace]
        public string? Search { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AgentUuid", "agent_uuid")]
        public Guid? BoundToAgentUuid { get; set; }

        [Parameter]
        [ValidateSet("created_at", "monthly_fee", "number")]
        public string? Sort { get; set; }

        [Parameter]
        public SwitchParameter IncludeExternal { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Page { get; set; }

        private protected override ListEndpoint<PhoneNumber> Endpoint => Endpoints.PhoneNumbers;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Given as an argument: bound now, before any pipeline input.
            if (HasEmptyAgent()) Refuse(EmptyAgent());
        }

        protected override void ProcessRecord()
        {
            // Only piped input can still be empty here: an error for that object, and the next one is listed.
            if (HasEmptyAgent())
            {
                Refuse(EmptyAgent(), fromPipeline: true);
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

        /// <summary>An agent filter that was given but names no agent: without it the listing would be every number.</summary>
        private bool HasEmptyAgent() => IsBound(nameof(BoundToAgentUuid)) && (BoundToAgentUuid ?? Guid.Empty) == Guid.Empty;

        private static ErrorRecord EmptyAgent() => ErrorRecords.EmptyUuid(nameof(BoundToAgentUuid),
            "as a filter it would mean every phone number of the workspace",
            "an agent lookup that found nothing: check the name given to Get-MhAgent -Name");
    }
}
