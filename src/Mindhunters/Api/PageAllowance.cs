using System;
using System.Threading;

namespace Mindhunters.Api
{
    /// <summary>
    /// What one answer has read so far, against <see cref="ReadLimits"/> and, for a page of a listing, the listing's
    /// <see cref="ListingBudget"/>. Disposing gives the page's share back: when the cmdlet takes the page, or when the page
    /// is dropped (failed, cancelled, superseded).
    /// </summary>
    internal sealed class PageAllowance : IDisposable
    {
        private readonly ListingBudget? _budget;
        private long _bytes;
        private long _values;
        private int _disposed;

        /// <param name="budget">The listing's budget; null for an answer that is not a page of one (a write's).</param>
        public PageAllowance(ListingBudget? budget) => _budget = budget;

        /// <exception cref="ResponseTooLargeException">The answer, or the pages in flight together, would hold too much.</exception>
        public void Take(long bytes, long values, int itemsStarted)
        {
            if (_bytes + bytes > ReadLimits.MaxBytes)
            {
                throw new ResponseTooLargeException($"its body is larger than the {ReadLimits.MaxBytes / (1024 * 1024)} MiB the module reads", PageSizeRefusal.TooLarge, itemsStarted);
            }
            if (_values + values > ReadLimits.MaxValues)
            {
                throw new ResponseTooLargeException($"it holds more than the {ReadLimits.MaxValues:N0} JSON values the module reads in one answer", PageSizeRefusal.TooLarge, itemsStarted);
            }
            if (_budget is not null && !_budget.TryTake(bytes, values))
            {
                throw new ResponseTooLargeException(
                    $"the pages in flight together would hold more than the {ReadLimits.ListingBytes / (1024 * 1024)} MiB and {ReadLimits.ListingValues:N0} JSON values the module keeps at once",
                    PageSizeRefusal.BudgetInUse, itemsStarted);
            }
            _bytes += bytes;
            _values += values;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _budget?.Give(_bytes, _values);
        }
    }
}
