using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>
    /// The names of the workspace's agents by uuid, for a prompt that would otherwise show a bare uuid: one listing of the
    /// agents (GET /api/v1/agents, pages of 100), made at most once per command and only when the prompt is shown.
    /// </summary>
    internal static class AgentNames
    {
        public static async Task<IReadOnlyDictionary<Guid, string>> ListAsync(MhConnection connection, IListingLog log, CancellationToken cancellationToken)
        {
            ListEndpoint<Agent> endpoint = Endpoints.Agents;
            PagePlan plan = PagePlan.Create(null, null, 0, ulong.MaxValue, false, endpoint.MaxPerPage);
            var names = new Dictionary<Guid, string>();
            using var lister = new Lister<Agent>(endpoint, plan,
                (page, perPage, onThrottled, token) => MhApiClient.Default.GetPageAsync(connection, endpoint, NoFilters.Instance, page, perPage, log, onThrottled, token),
                1, log, cancellationToken);
            while (await lister.NextAsync().ConfigureAwait(false) is PageBatch<Agent> batch)
            {
                foreach (Agent agent in batch.Items)
                {
                    if (agent.Name is string name && agent.AgentUuid != Guid.Empty) names[agent.AgentUuid] = name;
                }
            }
            return names;
        }
    }
}
