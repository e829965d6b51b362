using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    public class SharedRegistrationTests
    {
        private int _added;
        private int _removed;

        private SharedRegistration Create() => new SharedRegistration(() => _added++, () => _removed++);

        [Fact]
        public void TwoImports_AddTheHandlerOnce()
        {
            SharedRegistration registration = Create();
            registration.Import();
            registration.Import();
            Assert.Equal(1, _added);
            Assert.True(registration.IsRegistered);
        }

        [Fact]
        public void TheHandlerStays_UntilTheLastImportIsRemoved()
        {
            SharedRegistration registration = Create();
            registration.Import();
            registration.Import();
            registration.Remove();
            Assert.Equal(0, _removed);
            Assert.True(registration.IsRegistered);
            registration.Remove();
            Assert.Equal(1, _removed);
            Assert.False(registration.IsRegistered);
        }

        [Fact]
        public void ImportAfterRemove_AddsItAgain()
        {
            SharedRegistration registration = Create();
            registration.Import();
            registration.Remove();
            registration.Import();
            Assert.Equal(2, _added);
            Assert.True(registration.IsRegistered);
        }

        [Fact]
        public void ARemoveWithoutImport_DoesNothing()
        {
            SharedRegistration registration = Create();
            registration.Remove();
            registration.Import();
            Assert.Equal(0, _removed);
            Assert.Equal(1, _added);
            Assert.True(registration.IsRegistered);
        }
    }
}
