using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Runs on Import-Module and Remove-Module. On Windows PowerShell 5.1 it maps System.Text.Json's
    /// dependencies to the copies in the module folder (powershell.exe.config has no binding redirects for
    /// them) and offers TLS 1.2. On PowerShell 7 it does nothing: the host already carries System.Text.Json 8
    /// or newer, and a handler there could only get in the way of other modules.
    /// PowerShell finds this class by its interfaces; it must stay public with a parameterless constructor.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? "";

        // One handler per AppDomain, however many runspaces import the module.
        private static readonly SharedRegistration ResolveHandler = new SharedRegistration(
            () => AppDomain.CurrentDomain.AssemblyResolve += ResolveShippedCopy,
            () => AppDomain.CurrentDomain.AssemblyResolve -= ResolveShippedCopy);

        public void OnImport()
        {
            if (!DesktopCompatibility.IsDesktop) return;
            ResolveHandler.Import();
            DesktopCompatibility.EnsureTls12();
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (!DesktopCompatibility.IsDesktop) return;
            ResolveHandler.Remove();
        }

        private static Assembly? ResolveShippedCopy(object? sender, ResolveEventArgs args)
        {
            string? path = DesktopCompatibility.FindShippedCopy(args.Name, ModuleDirectory, DesktopCompatibility.ReadAssemblyIdentity);
            // LoadFrom returns the copy already loaded when there is one, so each dependency is loaded once.
            return path is null ? null : Assembly.LoadFrom(path);
        }
    }
}
