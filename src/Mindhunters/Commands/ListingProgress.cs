using System;
using System.Diagnostics;
using System.Management.Automation;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// The progress bar of a listing that spans more than one page: page x of y, numbers so far of the total,
    /// at most about ten updates a second. Costs nothing when $ProgressPreference
    /// (or -ProgressAction) is SilentlyContinue or Ignore.
    /// </summary>
    internal sealed class ListingProgress
    {
        private const int ActivityId = 0x4D48; // "MH": stays the same across calls so nested progress bars do not pile up
        private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

        private readonly Cmdlet _cmdlet;
        private readonly PagePlan _plan;
        private readonly bool _enabled;
        private readonly string _noun;
        private readonly Stopwatch _sinceLast = new Stopwatch();
        private bool _shown;

        /// <param name="noun">What is listed: "phone numbers".</param>
        public ListingProgress(PSCmdlet cmdlet, PagePlan plan, string noun)
        {
            _cmdlet = cmdlet;
            _plan = plan;
            _noun = noun;
            // -ProgressAction (PowerShell 7.4+) overrides $ProgressPreference for this command only.
            object? preference = cmdlet.MyInvocation.BoundParameters.TryGetValue("ProgressAction", out object? given)
                ? given
                : cmdlet.GetVariableValue("ProgressPreference");
            _enabled = !plan.SinglePage && !(preference is ActionPreference p
                && (p == ActionPreference.SilentlyContinue || p == ActionPreference.Ignore));
        }

        public void PageArrived<T>(PageBatch<T> batch, long itemsSoFar)
        {
            if (!_enabled) return;
            long? lastPage = batch.LastPage;
            if (lastPage is long last && last <= _plan.FirstPage) return; // one page: no bar
            if (_shown && _sinceLast.Elapsed < MinInterval) return;

            long pageIndex = batch.Page - _plan.FirstPage + 1;
            // The page count and the total are the first page's; when the data grows meanwhile, never say "page 10 of 9".
            long pages = Math.Max(pageIndex, lastPage is long l ? _plan.PagesOf(l) : 0);
            // With a client-side filter the server's total counts what the filter has not seen yet: no "of N" then.
            long? expected = batch.Total is long t && !_plan.FiltersOnClient ? Math.Max(_plan.WantedOf(t), itemsSoFar) : null;
            string status = expected is long all
                ? $"Page {pageIndex} of {pages}: {itemsSoFar} of {all} {_noun}"
                : $"Page {pageIndex}{(lastPage is not null ? " of " + pages : "")}: {itemsSoFar} {_noun}";
            var record = new ProgressRecord(ActivityId, "Listing " + _noun, status);
            if (expected is long total && total > 0) record.PercentComplete = (int)Math.Min(100, itemsSoFar * 100 / total);
            _cmdlet.WriteProgress(record);
            _shown = true;
            _sinceLast.Restart();
        }

        public void Complete()
        {
            if (!_shown) return;
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Listing " + _noun, "Done") { RecordType = ProgressRecordType.Completed });
            _shown = false;
        }
    }
}
