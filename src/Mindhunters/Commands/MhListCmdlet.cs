using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// The base of every list cmdlet, as PSOpenAD has one for its operations: -ThrottleLimit, -PerPage in the range of
    /// the cmdlet's endpoint, the page plan made from them and the paging parameters, and the listing, which writes each
    /// item as its page arrives. A list cmdlet names its endpoint and, per input, its filters; this class does the rest.
    /// </summary>
    public abstract class MhListCmdlet<T> : MhCmdlet, IDynamicParameters where T : class
    {
        private const string PerPageName = "PerPage";

        private RuntimeDefinedParameterDictionary? _dynamicParameters;

        // The uuids written by this command, across its ProcessRecord calls: Get-MhAgent 'Support*' | Get-MhPhoneNumber
        // lists a number bound to two of the agents twice, and the pipeline gets it once.
        private readonly HashSet<Guid> _written = new HashSet<Guid>();

        [Parameter]
        [ValidateRange(1, 8)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>What this cmdlet lists.</summary>
        private protected abstract ListEndpoint<T> Endpoint { get; }

        /// <summary>-PerPage as given; null when it was not.</summary>
        private protected int? PerPage => _dynamicParameters?[PerPageName] is { IsSet: true, Value: int perPage } ? perPage : null;

        /// <summary>
        /// -PerPage, with the range of <see cref="Endpoint"/>: a parameter declared here as a property could only carry one
        /// constant range for every list cmdlet, and the endpoint is where the largest page is written.
        /// </summary>
        public object GetDynamicParameters()
        {
            if (_dynamicParameters is null)
            {
                // The default is declared too, so that help (generated from the cmdlets) can state it.
                var attributes = new Collection<Attribute>
                {
                    new ParameterAttribute(), new ValidateRangeAttribute(1, Endpoint.MaxPerPage), new PSDefaultValueAttribute { Value = Endpoint.MaxPerPage },
                };
                _dynamicParameters = new RuntimeDefinedParameterDictionary
                {
                    { PerPageName, new RuntimeDefinedParameter(PerPageName, typeof(int), attributes) },
                };
            }
            return _dynamicParameters;
        }

        /// <summary>
        /// Lists <see cref="Endpoint"/> with <paramref name="query"/> and writes each item as its page arrives, with progress
        /// and -IncludeTotalCount. A failure is non-terminating, so what was already written stays with the caller
        /// ($x = … keeps it too); -ErrorAction Stop makes it terminating for a runbook, with the same error id.
        /// </summary>
        /// <param name="errorTarget">The ErrorRecord's target: what the listing was about (the subdomain when null).</param>
        /// <param name="page">-Page, for a cmdlet that has it: only that page.</param>
        /// <param name="include">A filter on the client: every page is then read, and -Skip and -First count what it lets through.</param>
        private protected void List(IListQuery query, object? errorTarget, int? page = null, Func<T, bool>? include = null)
        {
            PagePlan plan = include is null
                ? PagePlan.Create(page, PerPage, PagingParameters.Skip, PagingParameters.First, PagingParameters.IncludeTotalCount, Endpoint.MaxPerPage)
                : PagePlan.ForClientFilter(PerPage, PagingParameters.Skip, PagingParameters.First, PagingParameters.IncludeTotalCount, Endpoint.MaxPerPage);
            if (!plan.NeedsRequest) return;
            MhConnection connection = ResolveConnection();
            ListEndpoint<T> endpoint = Endpoint;
            var progress = new ListingProgress(this, plan, endpoint.Noun);
            int alreadyWritten = 0;
            var budget = new ListingBudget();
            using var lister = new Lister<T>(endpoint, plan,
                (pageNumber, perPage, onThrottled, token) => MhApiClient.Default.GetPageAsync(connection, endpoint, query, pageNumber, perPage, Log, onThrottled, token, budget),
                ThrottleLimit, Log, CancellationToken, include);
            try
            {
                while (Await(lister.NextAsync()) is PageBatch<T> batch)
                {
                    // With a client-side filter the total is only known at the end: the number of matches.
                    if (batch.IsFirst && PagingParameters.IncludeTotalCount && !plan.FiltersOnClient)
                    {
                        WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, batch.Total ?? 0), batch.Total is null ? 0.0 : 1.0));
                    }
                    progress.PageArrived(batch, lister.ItemsReturned);
                    foreach (T item in batch.Items)
                    {
                        if (IsNew(endpoint, item)) WriteObject(item);
                        else alreadyWritten++;
                    }
                }
                if (alreadyWritten > 0) WriteVerboseLine($"{alreadyWritten} of these {endpoint.Noun} were already written for an earlier input of this pipeline, so they were not written again.");
                if (plan.FiltersOnClient)
                {
                    if (lister.ItemsMatched == 0) WriteVerboseLine($"No {endpoint.Noun} match.");
                    if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)lister.ItemsMatched, 1.0));
                }
            }
            catch (MhApiException e)
            {
                WriteError(ErrorRecords.From(e, errorTarget ?? connection.Subdomain));
            }
            finally
            {
                progress.Complete();
            }
        }

        /// <summary>False for an item this command has written already (items without a uuid are always new).</summary>
        private protected bool IsNew(ListEndpoint<T> endpoint, T item)
        {
            Guid id = endpoint.Id(item);
            return id == Guid.Empty || _written.Add(id);
        }
    }
}
