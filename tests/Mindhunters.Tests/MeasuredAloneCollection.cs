using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// Test classes that measure the whole process (the memory allocated while a hostile server is read) run in this
    /// collection: after the classes that run side by side, and alone, so that no other class's allocations count as theirs.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class MeasuredAloneCollection
    {
        public const string Name = "Measured alone";
    }
}
