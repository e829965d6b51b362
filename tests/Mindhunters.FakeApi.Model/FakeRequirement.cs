namespace Mindhunters.FakeApi
{
    /// <summary>A compliance requirement of a number whose compliance status is requirement_pending.</summary>
    public sealed record FakeRequirement(string Type, string Description);
}
