using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Mindhunters.Tests.Desktop
{
    /// <summary>
    /// net472 only: the built module folder (out/Mindhunters) on a .NET Framework runtime, as Windows PowerShell 5.1
    /// meets it: its own Mindhunters.dll and dependency dlls, none of the test's copies, loaded in a fresh AppDomain
    /// with the Desktop AssemblyResolve handler active.
    /// Here the runtime is Mono, not Microsoft's .NET Framework: this proves the assembly set and the JSON path. It
    /// does not prove the network stack (Mono's HttpClient and ServicePointManager are Mono's own code), nor the
    /// exact binder (Mono resolves versions more leniently and has its own GAC, with System.Numerics.Vectors in it).
    /// </summary>
    public sealed class ModuleFolderOnNetFrameworkTests
    {
        private readonly ITestOutputHelper _output;

        public ModuleFolderOnNetFrameworkTests(ITestOutputHelper output) => _output = output;

        /// <summary>The dlls of the module folder that the module and System.Text.Json reach while a page parses.</summary>
        private static readonly string[] JsonPathAssemblies =
        {
            "Mindhunters", "System.Text.Json", "System.Memory", "System.Buffers", "System.Runtime.CompilerServices.Unsafe",
        };

        private ModuleFolderReport LoadInFreshDomain(bool withoutFolderProbing = false)
        {
            string moduleDirectory = Path.GetDirectoryName(RepositoryPaths.BuiltFile("Mindhunters", "Mindhunters.dll"))!;
            string page = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "Data", "seed-example.json");

            // The domain's base folder holds only this test assembly (for the probe), so no dependency can come from
            // the test's output folder, where the test's own copies of System.Text.Json and the rest lie.
            string baseFolder = Path.Combine(Path.GetTempPath(), "mindhunters-appdomain-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(baseFolder);
            string probeAssembly = Path.Combine(baseFolder, Path.GetFileName(typeof(ModuleFolderProbe).Assembly.Location));
            File.Copy(typeof(ModuleFolderProbe).Assembly.Location, probeAssembly);
            AppDomain domain = AppDomain.CreateDomain("Windows PowerShell 5.1 stand-in", null, new AppDomainSetup { ApplicationBase = baseFolder });
            try
            {
                var probe = (ModuleFolderProbe)domain.CreateInstanceFromAndUnwrap(probeAssembly, typeof(ModuleFolderProbe).FullName!);
                ModuleFolderReport report = probe.LoadModuleAndParsePage(moduleDirectory, page, withoutFolderProbing);
                report.ModuleDirectory = moduleDirectory;
                foreach (string line in report.LoadedAssemblies) _output.WriteLine("loaded: " + line);
                foreach (string line in report.HandlerRequests) _output.WriteLine("handler: " + line);
                return report;
            }
            finally
            {
                AppDomain.Unload(domain);
                Directory.Delete(baseFolder, recursive: true);
            }
        }

        [Fact]
        public void APage_ParsesThroughTheModuleFoldersOwnAssemblies()
        {
            ModuleFolderReport report = LoadInFreshDomain();

            Assert.Equal((1, "+12084439178", 123L), (report.ItemCount, report.FirstNumber, report.Total));
            foreach (string name in JsonPathAssemblies)
            {
                string expected = Path.Combine(report.ModuleDirectory, name + ".dll");
                Assert.Contains(name + "|" + expected + "|", report.LoadedAssemblies);
            }
        }

        /// <summary>
        /// Loaded as PowerShell loads it (LoadFrom), Mono finds the dependencies beside the module before the handler
        /// is asked, and lets a lower version stand in for a higher one where .NET Framework would refuse and ask the
        /// handler. Loaded so that the runtime does not look beside the module (LoadFile), its dependency has to come
        /// through the handler: the handler answers the real request with the module folder's real System.Text.Json,
        /// and the first request it gets (System.Management.Automation, from the cmdlet classes) does not break it.
        /// The handler once needed System.Memory itself, one of the dlls it resolves: its first answer then asked for
        /// System.Memory again, failed, and nothing resolved. On Windows PowerShell it would fail that way for any
        /// assembly bind in the session that came to it before System.Memory happened to be loaded.
        /// </summary>
        [Fact]
        public void WithNothingFoundBesideTheModule_TheHandlerAnswers_AndThePageParses()
        {
            ModuleFolderReport report = LoadInFreshDomain(withoutFolderProbing: true);

            Assert.Equal((1, "+12084439178"), (report.ItemCount, report.FirstNumber));
            Assert.DoesNotContain(report.HandlerRequests, r => r.Contains("|failed: "));
            string json = Path.Combine(report.ModuleDirectory, "System.Text.Json.dll");
            Assert.Contains(report.HandlerRequests, r => r.StartsWith("System.Text.Json, Version=8.", StringComparison.Ordinal) && r.EndsWith("|" + json, StringComparison.Ordinal));
            foreach (string name in JsonPathAssemblies)
            {
                Assert.Contains(name + "|" + Path.Combine(report.ModuleDirectory, name + ".dll") + "|", report.LoadedAssemblies);
            }
        }

        /// <summary>
        /// A dll the module ships is loaded from the module folder, or from the runtime's own global assembly cache,
        /// which on .NET Framework too wins when it holds a version that satisfies the request (Mono's holds
        /// System.Numerics.Vectors; .NET Framework 4.7.2's holds no version of these that the module asks for).
        /// Never from the test's output folder or anywhere else.
        /// </summary>
        [Fact]
        public void NoCopyOfAShippedDll_ComesFromAnywhereElse()
        {
            ModuleFolderReport report = LoadInFreshDomain();
            string[] shipped = Directory.GetFiles(report.ModuleDirectory, "*.dll").Select(Path.GetFileNameWithoutExtension).ToArray()!;

            foreach (string loaded in report.LoadedAssemblies)
            {
                string[] parts = loaded.Split('|');
                if (!shipped.Contains(parts[0], StringComparer.OrdinalIgnoreCase)) continue;
                if (parts[2] == "gac") continue;
                Assert.Equal(Path.Combine(report.ModuleDirectory, parts[0] + ".dll"), parts[1]);
            }
        }
    }
}
