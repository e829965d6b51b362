using Xunit;

// net472 only (Desktop/ compiles for it alone). The test classes run one after another here, not side by side.
// Under load, Mono's first loads of an assembly from several threads at once once left xunit.assert unusable for
// the whole run ("BadImageFormatException: Method has zero rva" in every test). Side by side saved about 3 s of 20
// (measured with the shared fake API, at a load average of 6 to 9): not worth that risk.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
