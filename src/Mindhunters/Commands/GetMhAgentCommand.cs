using System;
using System.Linq;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>Lists the workspace's AI agents, page after page; -Name filters them on the client with wildcards.</summary>
    [Cmdlet(VerbsCommon.Get, "MhAgent", SupportsPaging = true)]
    [OutputType(typeof(Agent))]
    public sealed class GetMhAgentCommand : MhListCmdlet<Agent>
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        private protected override ListEndpoint<Agent> Endpoint => Endpoints.Agents;

        private WildcardPattern[]? _patterns;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _patterns = Name?.Select(Pattern).ToArray();
        }

        protected override void ProcessRecord()
        {
            // The page documents no name filter, so -Name is applied here, after each page arrives; -Skip and
            // -First then count the matching agents, which is why the plan walks every page from the first.
            WildcardPattern[]? patterns = _patterns;
            Func<Agent, bool>? include = patterns is null ? null : agent => agent.Name is string name && patterns.Any(pattern => pattern.IsMatch(name));
            List(NoFilters.Instance, Name is null ? null : string.Join(", ", Name), include: include);
        }

        /// <summary>The pattern of one -Name, checked before any request: an invalid one would otherwise fail mid-listing.</summary>
        private WildcardPattern Pattern(string name)
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            try
            {
                // The pattern is parsed whole on its first use.
                pattern.IsMatch("");
            }
            catch (WildcardPatternException e)
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException(
                    $"-Name '{name}' is not a valid wildcard pattern ({e.Message}), so nothing was requested. " +
                    "To match a [ or ] as it is, escape it with a backtick ('Agent `[EU`]'), or use [WildcardPattern]::Escape()."),
                    "MhInvalidWildcard", name));
            }
            return pattern;
        }
    }
}
