using System;
using System.IO;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Mindhunters.Api
{
    /// <summary>
    /// What Windows PowerShell 5.1 (.NET Framework) needs and PowerShell 7 does not: the binding redirects that
    /// powershell.exe.config lacks for System.Text.Json's dependencies, TLS 1.2 where the process still offers
    /// only older protocols, and more than two connections at a time to our host. The decisions are pure
    /// functions; the few lines that change process state act only on .NET Framework.
    /// </summary>
    internal static class DesktopCompatibility
    {
        /// <summary>
        /// Above Get-MhPhoneNumber's largest -ThrottleLimit (8), with room for a second listing in another
        /// runspace. .NET Framework allows 2 per host by default, which would serialize a parallel listing.
        /// </summary>
        public const int MinConnectionLimit = 16;

        /// <summary>SecurityProtocolType.SystemDefault of .NET Framework 4.7+ (the OS chooses); netstandard2.0 does not name it.</summary>
        public const SecurityProtocolType SystemDefault = 0;

        private static readonly string OwnAssemblyName = typeof(DesktopCompatibility).Assembly.GetName().Name ?? "Mindhunters";

        /// <summary>True on Windows PowerShell 5.1, which runs on .NET Framework; false on PowerShell 7 (.NET).</summary>
        public static bool IsDesktop { get; } = IsNetFramework(RuntimeInformation.FrameworkDescription);

        internal static bool IsNetFramework(string frameworkDescription) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>
        /// The copy in the module folder that answers a bind .NET Framework could not satisfy, or null to leave
        /// the request to the runtime and to other modules' handlers. The set is whatever dll is shipped beside
        /// Mindhunters.dll (System.Text.Json and its dependencies). Like the binding redirect an application
        /// would have, any version up to ours maps to ours; a higher version, another public key or a culture
        /// (we ship no satellite assemblies) is not ours to answer.
        /// </summary>
        /// <param name="requestedFullName">ResolveEventArgs.Name, such as "System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51".</param>
        /// <param name="identityOfFileAt">The identity of the assembly at a path, or null when there is no such file or it is not an assembly.</param>
        public static string? FindShippedCopy(string requestedFullName, string moduleDirectory, Func<string, AssemblyName?> identityOfFileAt)
        {
            AssemblyName requested;
            try
            {
                requested = new AssemblyName(requestedFullName);
            }
            catch (Exception e) when (e is ArgumentException or FileLoadException)
            {
                return null;
            }
            string? name = requested.Name;
            if (string.IsNullOrEmpty(name) || !IsPlainFileName(name!)) return null;
            // The module assembly is PowerShell's to load; a satellite ("resources") request is never ours.
            if (string.Equals(name, OwnAssemblyName, StringComparison.OrdinalIgnoreCase)) return null;
            if (!string.IsNullOrEmpty(requested.CultureName)) return null;

            string path = Path.Combine(moduleDirectory, name + ".dll");
            AssemblyName? shipped = identityOfFileAt(path);
            if (shipped is null || !string.Equals(shipped.Name, name, StringComparison.OrdinalIgnoreCase)) return null;
            if (requested.Version is Version wanted && (shipped.Version is null || shipped.Version < wanted)) return null;
            byte[]? wantedKey = requested.GetPublicKeyToken();
            if (wantedKey is not null && !SameBytes(wantedKey, shipped.GetPublicKeyToken() ?? Array.Empty<byte>())) return null;
            return path;
        }

        // Not wantedKey.SequenceEqual(...): C# 14 binds that to MemoryExtensions (System.Memory), and the resolve
        // handler must not need an assembly it resolves. Asked for System.Memory itself, it would then ask for it
        // again before it could answer (seen under Mono: the handler failed and nothing resolved).
        private static bool SameBytes(byte[] left, byte[] right)
        {
            if (left.Length != right.Length) return false;
            for (int i = 0; i < left.Length; i++)
            {
                if (left[i] != right[i]) return false;
            }
            return true;
        }

        /// <summary>The identity of a dll on disk, or null when it is missing or not a .NET assembly.</summary>
        public static AssemblyName? ReadAssemblyIdentity(string path)
        {
            if (!File.Exists(path)) return null;
            try
            {
                return AssemblyName.GetAssemblyName(path);
            }
            catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        // An assembly name is joined to the module folder: it must not be able to leave it.
        private static bool IsPlainFileName(string name) =>
            name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && name.IndexOfAny(new[] { '/', '\\', ':' }) < 0 && name != "." && name != "..";

        /// <summary>
        /// The protocols to set: SystemDefault (0) lets the OS choose and is never overwritten; a value that
        /// already offers TLS 1.2 stays; otherwise TLS 1.2 is added to what is there, never put in its place.
        /// </summary>
        public static SecurityProtocolType WithTls12(SecurityProtocolType current) =>
            current == SystemDefault || (current & SecurityProtocolType.Tls12) != 0
                ? current
                : current | SecurityProtocolType.Tls12;

        /// <summary>On .NET Framework, offers TLS 1.2 for the whole process when it is not offered yet.</summary>
        public static void EnsureTls12()
        {
            if (IsDesktop) OfferTls12();
        }

        // Apart from the IsDesktop gate so that the net472 tests run these lines under Mono, which is not taken for
        // Windows PowerShell's runtime.
        internal static void OfferTls12()
        {
            SecurityProtocolType current = ServicePointManager.SecurityProtocol;
            SecurityProtocolType wanted = WithTls12(current);
            if (wanted != current) ServicePointManager.SecurityProtocol = wanted;
        }

        /// <summary>Raised to <see cref="MinConnectionLimit"/>, never lowered below what someone already set.</summary>
        public static int ConnectionLimitFor(int current) => Math.Max(current, MinConnectionLimit);

        /// <summary>
        /// On .NET Framework, lets parallel page requests reach our host at once. Only that host's ServicePoint is
        /// changed, never ServicePointManager.DefaultConnectionLimit. Call it each time a connection is used: an
        /// idle ServicePoint is dropped after 100 s and comes back with the default limit of 2.
        /// </summary>
        public static void RaiseConnectionLimit(Uri baseUri)
        {
            if (IsDesktop) RaiseServicePointLimit(baseUri);
        }

        internal static void RaiseServicePointLimit(Uri baseUri)
        {
            ServicePoint servicePoint = ServicePointManager.FindServicePoint(baseUri);
            int wanted = ConnectionLimitFor(servicePoint.ConnectionLimit);
            if (wanted != servicePoint.ConnectionLimit) servicePoint.ConnectionLimit = wanted;
        }
    }
}
