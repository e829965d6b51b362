using System;
using System.Collections.Generic;
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
        [ValidateNotNullOrWhiteSpace]
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
        public int Page { get; set; }

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
                Refuse(ErrorRecords.InvalidArgument(
                    new ArgumentException("-First, -Skip and -IncludeTotalCount page through a listing; -Number returns exactly the numbers given. Leave them out (Select-Object -First works on what -Number returns)."),
                    "MhPagingWithNumber", null));
            }
            // Given as an argument: bound now, before any pipeline input.
            if (HasEmptyAgent()) Refuse(EmptyAgent());
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

        /// <summary>
        /// The numbers whose number is <paramref name="number"/>. One that does not exist is an ObjectNotFound error naming
        /// it, and a failed search an error too: both non-terminating, so the next number goes on.
        /// </summary>
        private List<PhoneNumber> FindPhoneNumbers(MhConnection connection, string number, int? perPage)
        {
            try
            {
                List<PhoneNumber> found = Await(PhoneNumberLookup.FindAsync(MhApiClient.Default, connection, number, perPage, Log, CancellationToken));
                string shown = ServerText.Clean(number, connection, 100);
                if (found.Count == 0) WriteError(ErrorRecords.From(PhoneNumberLookup.NotFound(shown, connection.Subdomain), shown));
                return found;
            }
            catch (MhApiException e)
            {
                WriteError(ErrorRecords.From(e, ServerText.Clean(number, connection, 100)));
                return new List<PhoneNumber>();
            }
        }

        /// <summary>An agent filter that was given but names no agent: without it the listing would be every number.</summary>
        private bool HasEmptyAgent() => IsBound(nameof(BoundToAgentUuid)) && (BoundToAgentUuid ?? Guid.Empty) == Guid.Empty;

        private static ErrorRecord EmptyAgent() => ErrorRecords.EmptyUuid(nameof(BoundToAgentUuid),
            "as a filter it would mean every phone number of the workspace",
            "an agent lookup that found nothing: check the name given to Get-MhAgent -Name");
    }
}
