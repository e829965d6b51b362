namespace Mindhunters.FakeApi
{
    /// <summary>A refused PATCH body: the field and the message of the 422.</summary>
    internal sealed record PatchError(string Field, string Details);
}
