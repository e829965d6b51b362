using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Mindhunters.Tests.Desktop
{
    /// <summary>
    /// net472 only. Runs inside a fresh AppDomain whose base folder holds nothing but a copy of this test assembly,
    /// so every dependency of the module has to come from the module folder, as in Windows PowerShell 5.1 (whose
    /// base folder is PowerShell's own). It uses no type of the module or of System.Text.Json directly: the only
    /// copies in this domain are the ones the module folder gives it, reached by reflection.
    /// </summary>
    public sealed class ModuleFolderProbe : MarshalByRefObject
    {
        private readonly List<string> _handlerRequests = new List<string>();
        private Func<string, string?>? _findShippedCopy;

        /// <summary>Import-Module, then a page: loads the module dll as PowerShell does, registers the handler the
        /// module's initializer registers on Windows PowerShell, and parses <paramref name="pageJsonPath"/> through
        /// the module's own JSON context.</summary>
        /// <param name="withoutFolderProbing">Load the module with Assembly.LoadFile instead of LoadFrom: the runtime then
        /// does not look beside it for its dependencies, so each one has to come through the handler.</param>
        public ModuleFolderReport LoadModuleAndParsePage(string moduleDirectory, string pageJsonPath, bool withoutFolderProbing)
        {
            // PowerShell 5.1 loads a binary module with Assembly.LoadFrom.
            string modulePath = Path.Combine(moduleDirectory, "Mindhunters.dll");
            Assembly module = withoutFolderProbing ? Assembly.LoadFile(modulePath) : Assembly.LoadFrom(modulePath);

            // ModuleInitializer.OnImport registers this handler on the Desktop edition. Its class implements
            // PowerShell's interfaces and cannot load without System.Management.Automation, so the same two calls it
            // makes are made here: DesktopCompatibility.FindShippedCopy, then Assembly.LoadFrom of the answer.
            Type compatibility = module.GetType("Mindhunters.Api.DesktopCompatibility", throwOnError: true)!;
            var readIdentity = (Func<string, AssemblyName?>)Delegate.CreateDelegate(typeof(Func<string, AssemblyName?>),
                compatibility.GetMethod("ReadAssemblyIdentity", BindingFlags.Public | BindingFlags.Static)!);
            MethodInfo findShippedCopy = compatibility.GetMethod("FindShippedCopy", BindingFlags.Public | BindingFlags.Static)!;
            _findShippedCopy = requested => (string?)findShippedCopy.Invoke(null, new object[] { requested, moduleDirectory, readIdentity });
            AppDomain.CurrentDomain.AssemblyResolve += ResolveShippedCopy;

            var report = new ModuleFolderReport();
            object page;
            try
            {
                page = ParsePage(module, pageJsonPath);
            }
            catch (Exception e)
            {
                lock (_handlerRequests) throw new InvalidOperationException($"The page did not parse ({e.Message}); the handler saw: {string.Join("; ", _handlerRequests)}", e);
            }
            object? data = page.GetType().GetProperty("Data")!.GetValue(page);
            var items = (IList)data!.GetType().GetProperty("Items")!.GetValue(data)!;
            object? pagination = data.GetType().GetProperty("Pagination")!.GetValue(data);
            report.ItemCount = items.Count;
            report.FirstNumber = items.Count > 0 ? (string?)items[0]!.GetType().GetProperty("Number")!.GetValue(items[0]) : null;
            report.Total = (long?)pagination?.GetType().GetProperty("Total")!.GetValue(pagination);

            report.LoadedAssemblies = AppDomain.CurrentDomain.GetAssemblies()
                .Select(a => a.GetName().Name + "|" + (a.IsDynamic ? "" : a.Location) + "|" + (a.GlobalAssemblyCache ? "gac" : "")).ToArray();
            lock (_handlerRequests) report.HandlerRequests = _handlerRequests.ToArray();
            return report;
        }

        private Assembly? ResolveShippedCopy(object? sender, ResolveEventArgs args)
        {
            string? path;
            try
            {
                path = _findShippedCopy!(args.Name);
            }
            catch (TargetInvocationException e)
            {
                // The runtime swallows what a handler throws; keep it for the report.
                lock (_handlerRequests) _handlerRequests.Add(args.Name + "|failed: " + e.InnerException?.Message);
                throw;
            }
            lock (_handlerRequests) _handlerRequests.Add(args.Name + "|" + path);
            return path is null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>
        /// JsonSerializer.Deserialize(stream, typeInfo) with the module's source-generated metadata for its page
        /// envelope: the JsonTypeInfo of the context whose type has Data.Items of phone numbers (found by shape, not by
        /// name; the module lists agents and rates through the same envelope too).
        /// </summary>
        private static object ParsePage(Assembly module, string pageJsonPath)
        {
            Type[] types;
            string loaderErrors = "";
            try
            {
                types = module.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                // The cmdlet classes need System.Management.Automation, which only PowerShell brings; the rest loads.
                types = e.Types.Where(t => t is not null).ToArray()!;
                loaderErrors = string.Join("; ", e.LoaderExceptions.Select(l => l?.Message).Distinct());
            }
            var pageTypeInfos =
                from context in types
                where context.BaseType?.FullName == "System.Text.Json.Serialization.JsonSerializerContext"
                from property in context.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                where property.PropertyType.IsGenericType && property.PropertyType.Name == "JsonTypeInfo`1"
                    && property.PropertyType.GetGenericArguments()[0].GetProperty("Data")?.PropertyType.GetProperty("Items")?.PropertyType
                        .GetGenericArguments().FirstOrDefault()?.GetProperty("PhoneNumberUuid") is not null
                select (Context: context, Property: property);
            (Type contextType, PropertyInfo pageTypeInfo) = pageTypeInfos.FirstOrDefault();
            if (contextType is null) throw new TypeLoadException("No JSON context of the module with a page envelope (Data.Items) loaded: " + loaderErrors);
            object defaultContext = contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Type envelope = pageTypeInfo.PropertyType.GetGenericArguments()[0];
            Type serializer = pageTypeInfo.PropertyType.Assembly.GetType("System.Text.Json.JsonSerializer", throwOnError: true)!;
            MethodInfo deserialize = serializer.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(m => m.Name == "Deserialize" && m.IsGenericMethodDefinition && m.GetParameters().Length == 2
                    && m.GetParameters()[0].ParameterType == typeof(Stream) && m.GetParameters()[1].ParameterType.Name == "JsonTypeInfo`1")
                .MakeGenericMethod(envelope);
            using FileStream body = File.OpenRead(pageJsonPath);
            return deserialize.Invoke(null, new[] { body, pageTypeInfo.GetValue(defaultContext) })
                ?? throw new InvalidDataException("The page parsed to null.");
        }
    }
}
