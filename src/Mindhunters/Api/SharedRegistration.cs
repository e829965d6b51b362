using System;

namespace Mindhunters.Api
{
    /// <summary>
    /// A process-wide registration shared by every import of the module: added by the first import, removed
    /// with the last removal. Runspaces of one process import and remove the module independently, and one
    /// Remove-Module must not take the handler from a runspace that still uses the module.
    /// </summary>
    internal sealed class SharedRegistration
    {
        private readonly object _gate = new object();
        private readonly Action _add;
        private readonly Action _remove;
        private int _imports;

        public SharedRegistration(Action add, Action remove)
        {
            _add = add;
            _remove = remove;
        }

        public bool IsRegistered
        {
            get { lock (_gate) return _imports > 0; }
        }

        public void Import()
        {
            lock (_gate)
            {
                if (_imports == 0) _add();
                _imports++;
            }
        }

        /// <summary>A removal without a matching import does nothing: the count never goes below zero.</summary>
        public void Remove()
        {
            lock (_gate)
            {
                if (_imports == 0) return;
                _imports--;
                if (_imports == 0) _remove();
            }
        }
    }
}
