using System;
using System.Management.Automation;
using System.Reflection;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Keeps -Debug from prompting. Under -Debug, PowerShell still gives a compiled cmdlet's Verbose writes (without
    /// -Verbose) and its Warning writes the old Inquire preference (and Windows PowerShell its Debug writes too), so the
    /// first line stops at "Continue with this operation?" and, in a runbook under -NonInteractive, fails the command. The
    /// module decides instead: with -Debug its debug lines are written, never asked about; Verbose follows -Verbose or
    /// $VerbosePreference, warnings -WarningAction or $WarningPreference. The runtime's preferences are internal, hence the
    /// reflection; should they ever move, Verbose lines are left out under -Debug and warnings written as debug lines,
    /// rather than prompted for.
    /// </summary>
    internal static class DebugSwitch
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        /// <returns>
        /// WritesVerbose: false when Verbose lines must not be written by this command (the runtime would prompt for them).
        /// WritesWarnings: false when warnings must be written as debug lines instead, for the same reason.
        /// </returns>
        public static (bool WritesVerbose, bool WritesWarnings) Apply(PSCmdlet cmdlet)
        {
            if (!cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out object? debug) || !IsOn(debug)) return (true, true);
            object runtime = cmdlet.CommandRuntime;
            Set(runtime, "DebugPreference", ActionPreference.Continue);
            bool writesWarnings = cmdlet.MyInvocation.BoundParameters.ContainsKey("WarningAction")
                || Set(runtime, "WarningPreference", Preference(cmdlet, "WarningPreference", ActionPreference.Continue));
            if (cmdlet.MyInvocation.BoundParameters.ContainsKey("Verbose")) return (true, writesWarnings);

            bool verbose = Preference(cmdlet, "VerbosePreference", ActionPreference.SilentlyContinue) == ActionPreference.Continue;
            return (Set(runtime, "Verbose", verbose) && verbose, writesWarnings);
        }

        /// <summary>The preference variable where the command runs; never Inquire, which is what -Debug must not bring.</summary>
        private static ActionPreference Preference(PSCmdlet cmdlet, string variable, ActionPreference otherwise)
        {
            object? value = cmdlet.GetVariableValue(variable);
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            ActionPreference preference = value switch
            {
                ActionPreference given => given,
                string text when Enum.TryParse(text.Trim(), true, out ActionPreference parsed) => parsed,
                _ => otherwise,
            };
            return preference == ActionPreference.Inquire ? otherwise : preference;
        }

        private static bool IsOn(object? value) => value switch
        {
            SwitchParameter s => s.IsPresent,
            bool b => b,
            _ => false,
        };

        private static bool Set(object runtime, string name, object value)
        {
            try
            {
                PropertyInfo? property = runtime.GetType().GetProperty(name, Instance);
                if (property?.SetMethod is null) return false;
                // Windows PowerShell types the flag as a SwitchParameter, PowerShell 7 as a bool.
                object converted = property.PropertyType == typeof(SwitchParameter) && value is bool flag ? new SwitchParameter(flag) : value;
                if (!property.PropertyType.IsInstanceOfType(converted)) return false;
                property.SetValue(runtime, converted);
                return true;
            }
            catch (Exception e) when (e is TargetInvocationException or MemberAccessException or ArgumentException)
            {
                return false;
            }
        }
    }
}
