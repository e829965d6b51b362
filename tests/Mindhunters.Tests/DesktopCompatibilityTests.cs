using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Reflection;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    public class DesktopCompatibilityTests
    {
        private const string MicrosoftKey = "cc7b13ffcd2ddd51";
        /// <summary>SecurityProtocolType.Tls13 (12288): .NET Framework names it from 4.8 on, and the tests also build for net472.</summary>
        private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;
        private static readonly string ModuleDir = Path.Combine(Path.GetTempPath(), "Modules", "Mindhunters");

        /// <summary>The module folder as Build lays it out (the versions are those of the shipped dlls), on a
        /// file system that ignores case, as Windows does.</summary>
        private static readonly Dictionary<string, string> Shipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["System.Text.Json"] = $"System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken={MicrosoftKey}",
            ["System.Text.Encodings.Web"] = $"System.Text.Encodings.Web, Version=8.0.0.0, Culture=neutral, PublicKeyToken={MicrosoftKey}",
            ["System.Memory"] = $"System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken={MicrosoftKey}",
            ["System.Buffers"] = $"System.Buffers, Version=4.0.3.0, Culture=neutral, PublicKeyToken={MicrosoftKey}",
            ["System.Runtime.CompilerServices.Unsafe"] = $"System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
            ["System.Numerics.Vectors"] = "System.Numerics.Vectors, Version=4.1.3.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
            ["System.Threading.Tasks.Extensions"] = $"System.Threading.Tasks.Extensions, Version=4.2.0.1, Culture=neutral, PublicKeyToken={MicrosoftKey}",
            ["Microsoft.Bcl.AsyncInterfaces"] = $"Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0, Culture=neutral, PublicKeyToken={MicrosoftKey}",
            ["Mindhunters"] = "Mindhunters, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null",
        };

        private static AssemblyName? InModuleFolder(string path)
        {
            if (!string.Equals(Path.GetDirectoryName(path), ModuleDir, StringComparison.Ordinal)) return null;
            return Shipped.TryGetValue(Path.GetFileNameWithoutExtension(path), out string? fullName) ? new AssemblyName(fullName) : null;
        }

        private static string? Resolve(string requested) => DesktopCompatibility.FindShippedCopy(requested, ModuleDir, InModuleFolder);

        [Theory]
        [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json")]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Runtime.CompilerServices.Unsafe")]
        [InlineData("System.Buffers, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Buffers")]
        [InlineData("System.Numerics.Vectors, Version=4.1.3.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Numerics.Vectors")]
        [InlineData("System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Memory")]
        [InlineData("Microsoft.Bcl.AsyncInterfaces, Version=1.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "Microsoft.Bcl.AsyncInterfaces")]
        [InlineData("System.Threading.Tasks.Extensions, Version=4.2.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Threading.Tasks.Extensions")]
        [InlineData("System.Text.Encodings.Web, Version=4.0.5.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Encodings.Web")]
        public void AnyVersionUpToOurs_LoadsOurCopy(string requested, string file)
        {
            Assert.Equal(Path.Combine(ModuleDir, file + ".dll"), Resolve(requested));
        }

        [Theory]
        [InlineData("System.Memory")]
        [InlineData("system.text.json, Version=6.0.0.0")]
        public void APartialOrDifferentlyCasedName_LoadsOurCopy(string requested)
        {
            Assert.NotNull(Resolve(requested));
        }

        [Theory]
        [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
        [InlineData("Microsoft.Identity.Client, Version=4.61.3.0, Culture=neutral, PublicKeyToken=0a613f4dd989e8ae")]
        [InlineData("System.Net.Http, Version=4.2.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
        [InlineData("System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35")]
        public void AnAssemblyWeDoNotShip_IsLeftToOthers(string requested)
        {
            Assert.Null(Resolve(requested));
        }

        [Fact]
        public void ANewerVersionThanOurs_IsLeftToOthers()
        {
            // Another module that needs System.Text.Json 9 must get its own copy or a clear failure, not ours.
            Assert.Null(Resolve($"System.Text.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken={MicrosoftKey}"));
        }

        [Fact]
        public void AnotherPublisherOfTheSameName_IsLeftToOthers()
        {
            Assert.Null(Resolve("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=0123456789abcdef"));
            Assert.Null(Resolve("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=null"));
        }

        [Fact]
        public void ASatelliteResourceAssembly_IsLeftToOthers()
        {
            Assert.Null(Resolve($"System.Text.Json.resources, Version=8.0.0.0, Culture=de-DE, PublicKeyToken={MicrosoftKey}"));
            Assert.Null(Resolve($"System.Text.Json, Version=8.0.0.0, Culture=de-DE, PublicKeyToken={MicrosoftKey}"));
        }

        [Fact]
        public void TheModuleItself_IsPowerShellsToLoad()
        {
            Assert.Null(Resolve("Mindhunters, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("..")]
        [InlineData("not, a valid = name, Version=x")]
        public void AMalformedName_IsLeftAlone(string requested)
        {
            Assert.Null(Resolve(requested));
        }

        [Fact]
        public void AFileWhoseContentIsAnotherAssembly_IsNotUsed()
        {
            AssemblyName? Impostor(string path) => new AssemblyName($"Something.Else, Version=99.0.0.0, PublicKeyToken={MicrosoftKey}");
            Assert.Null(DesktopCompatibility.FindShippedCopy($"System.Memory, Version=4.0.1.2, PublicKeyToken={MicrosoftKey}", ModuleDir, Impostor));
        }

        [Fact]
        public void ReadAssemblyIdentity_ReadsARealDll_AndSkipsMissingOrNonAssemblyFiles()
        {
            string xunit = typeof(FactAttribute).Assembly.Location;
            Assert.Equal("xunit.core", DesktopCompatibility.ReadAssemblyIdentity(xunit)?.Name);
            Assert.Null(DesktopCompatibility.ReadAssemblyIdentity(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".dll")));
            string notAnAssembly = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".dll");
            File.WriteAllText(notAnAssembly, "a native dll or something broken");
            try
            {
                Assert.Null(DesktopCompatibility.ReadAssemblyIdentity(notAnAssembly));
            }
            finally
            {
                File.Delete(notAnAssembly);
            }
        }

#pragma warning disable SYSLIB0039, CS0618 // The old protocols are exactly what Windows PowerShell 5.1 often starts with.
        [Fact]
        public void SystemDefault_IsNeverOverwritten()
        {
            Assert.Equal(DesktopCompatibility.SystemDefault, DesktopCompatibility.WithTls12(DesktopCompatibility.SystemDefault));
            Assert.Equal(0, (int)DesktopCompatibility.SystemDefault);
        }

        [Fact]
        public void Tls12_IsAddedToSsl3AndTls_KeepingThem()
        {
            Assert.Equal(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12,
                DesktopCompatibility.WithTls12(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls));
        }

        [Theory]
        [InlineData(SecurityProtocolType.Tls12)]
        [InlineData(SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12)]
        [InlineData(SecurityProtocolType.Tls12 | Tls13)]
        public void AValueWithTls12_StaysAsItIs(SecurityProtocolType current)
        {
            Assert.Equal(current, DesktopCompatibility.WithTls12(current));
        }

        [Fact]
        public void Tls13Alone_GetsTls12Too()
        {
            Assert.Equal(SecurityProtocolType.Tls12 | Tls13, DesktopCompatibility.WithTls12(Tls13));
        }
#pragma warning restore SYSLIB0039, CS0618

        [Theory]
        [InlineData(2, 16)]
        [InlineData(10, 16)]
        [InlineData(16, 16)]
        [InlineData(64, 64)]
        public void TheConnectionLimit_IsRaisedToSixteen_NeverLowered(int current, int expected)
        {
            Assert.Equal(expected, DesktopCompatibility.ConnectionLimitFor(current));
        }

        [Theory]
        [InlineData(".NET Framework 4.8.9232.0", true)]
        [InlineData(".NET Framework 4.7.3190.0", true)]
        [InlineData(".NET 8.0.11", false)]
        [InlineData(".NET Core 3.1.32", false)]
        [InlineData(".NET Native 2.2", false)]
        public void Desktop_IsDotNetFramework(string description, bool expected)
        {
            Assert.Equal(expected, DesktopCompatibility.IsNetFramework(description));
        }

#if NET // net472 has its own: Desktop/RuntimeDetectionTests.cs
        [Fact]
        public void TheTestRuntime_IsNotDesktop()
        {
            // So the module's initializer leaves PowerShell 7 alone: no handler, no TLS or ServicePoint change.
            Assert.False(DesktopCompatibility.IsDesktop);
        }
#endif
    }
}
