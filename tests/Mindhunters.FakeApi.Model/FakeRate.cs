namespace Mindhunters.FakeApi
{
    /// <summary>One row of GET /api/v1/phone-numbers/rates.</summary>
    public sealed record FakeRate(
        string CountryCode,
        string CountryName,
        string DestinationPrefix,
        string Origination,
        string Description,
        int MinDurationSeconds,
        int BillingIncrementSeconds,
        decimal Amount,
        string Currency);
}
