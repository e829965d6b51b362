using System;
using System.IO;

namespace Mindhunters.Tests
{
    /// <summary>What the build put in out/ (the fake API, the module folder), found from the test's output folder.</summary>
    internal static class RepositoryPaths
    {
        /// <summary>The folder that holds build.ps1, above the test's output folder.</summary>
        public static string Root
        {
            get
            {
                for (var dir = new DirectoryInfo(AppDomain.CurrentDomain.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "build.ps1"))) return dir.FullName;
                }
                throw new DirectoryNotFoundException("No build.ps1 above " + AppDomain.CurrentDomain.BaseDirectory + ": the tests look for out/ there.");
            }
        }

        /// <summary>A file the build makes under out/; a missing one says how to make it.</summary>
        public static string BuiltFile(params string[] pathUnderOut)
        {
            string path = Path.Combine(Root, "out", Path.Combine(pathUnderOut));
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The tests use the build's {path}, which is missing: run `dotnet pwsh ./build.ps1 -Task Build` first (-Task Test does).", path);
            }
            return path;
        }
    }
}
