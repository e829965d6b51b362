using System;

namespace Mindhunters.Tests.Desktop
{
    /// <summary>What a fresh AppDomain saw when it loaded the module folder and parsed a page.</summary>
    [Serializable]
    public sealed class ModuleFolderReport
    {
        /// <summary>Every assembly of the domain after the parse: "Name|Location|gac" (from the runtime's global
        /// assembly cache) or "Name|Location|" ("Name||" when it has no file).</summary>
        public string[] LoadedAssemblies { get; set; } = Array.Empty<string>();

        /// <summary>Each request the resolve handler saw: "Name|answered path" ("Name|" when it left it to others).</summary>
        public string[] HandlerRequests { get; set; } = Array.Empty<string>();

        /// <summary>The module folder the domain loaded from (set by the caller).</summary>
        public string ModuleDirectory { get; set; } = "";

        public int ItemCount { get; set; }
        public string? FirstNumber { get; set; }
        public long? Total { get; set; }
    }
}
