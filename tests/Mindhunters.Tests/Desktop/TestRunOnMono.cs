using Xunit;

// net472 only (Desktop/ compiles for it alone). The test classes run one after another here, not side by side.
// Under load, Mono's first loads of an assembly from several threads at once once left xunit.assert unusable for
// the whole run ("BadImageFormatException: Method has zero rva" in every test), and 2 cores shared with a child
// process per test stretch the 1 s attempts some tests time. One at a time costs a few seconds on ~30.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
