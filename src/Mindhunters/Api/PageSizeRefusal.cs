namespace Mindhunters.Api
{
    /// <summary>Why an answer was not read to its end, when it was for its size: what a listing can still do about it.</summary>
    internal enum PageSizeRefusal
    {
        /// <summary>Not for its size (or it nests too deep, which a smaller page does not change).</summary>
        None,

        /// <summary>The answer alone is larger than <see cref="ReadLimits"/> allows: a smaller page may fit.</summary>
        TooLarge,

        /// <summary>The pages in flight together hold the listing's budget: the page fits when read alone.</summary>
        BudgetInUse,
    }
}
