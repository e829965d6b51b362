// Compiled by Invoke-Benchmark.ps1 with Add-Type, with the other .cs files here: a cmdlet that only writes objects it already has (PowerShell's per-item pipeline cost).
#nullable enable
using System;
using System.Management.Automation;

namespace Mindhunters.Bench
{
    /// <summary>Writes objects it already holds, one WriteObject each, as Get-MhPhoneNumber does.</summary>
    [Cmdlet(VerbsCommunications.Write, "BenchObject")]
    public sealed class WriteBenchObjectCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        protected override void ProcessRecord()
        {
            foreach (object item in InputObject) WriteObject(item);
        }
    }
}
