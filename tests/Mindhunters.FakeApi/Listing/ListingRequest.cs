namespace Mindhunters.FakeApi
{
    /// <summary>The validated query string of one listing request.</summary>
    internal sealed record ListingRequest(FakeQuery Query, long Page, int PerPage);
}
