using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// The base of every cmdlet: owns the cancellation that Ctrl+C (StopProcessing) triggers, resolves the
    /// connection, and waits for engine work on the pipeline thread, so that every Write* happens there
    /// while the engine's own threads only queue what they have to say.
    /// </summary>
    public abstract class MhCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        // Set by the engine's threads whenever the pipeline thread may have something to do (an answer came, a message
        // was queued); reset by the pipeline thread before it looks. Slim: while the pipeline thread is busy (binding,
        // confirming the next object) a set costs no system call, and in a bulk write most answers come then.
        private readonly ManualResetEventSlim _changed = new ManualResetEventSlim(false);
        private readonly QueuedListingLog _log;

        protected MhCmdlet()
        {
            _log = new QueuedListingLog(_changed);
        }

        private protected CancellationToken CancellationToken => _cancel.Token;

        private protected IListingLog Log => _log;

        /// <summary>What the engine sets when something the pipeline thread waits for may have happened (see <see cref="WaitUntil"/>).</summary>
        private protected ManualResetEventSlim Changed => _changed;

        /// <summary>Writes the engine's Verbose, Debug and Warning messages queued so far (it must run on the pipeline thread).</summary>
        private protected void WriteQueuedMessages() => _log.WriteTo(this);

        protected override void BeginProcessing()
        {
            UserAgent.EnsureSet(this);
            (_log.WritesVerbose, _log.WritesWarnings) = DebugSwitch.Apply(this);
            // Verbose lines nobody will see are not queued: each would wake the pipeline thread, once per request of a
            // bulk change.
            if (_log.WritesVerbose && !VerboseShown()) _log.WritesVerbose = false;
        }

        protected override void StopProcessing() => _cancel.Cancel();

        /// <summary>The parameter was given (a default value and a given one can be equal; only this tells them apart).</summary>
        private protected bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        /// <summary>WriteVerbose, except under -Debug when the runtime would prompt for it (see <see cref="DebugSwitch"/>).</summary>
        private protected void WriteVerboseLine(string text)
        {
            if (_log.WritesVerbose) WriteVerbose(text);
        }

        /// <summary>Connect-MhAccount's connection, else the MIHU_* environment variables, else a refusal (see <see cref="Refuse"/>).</summary>
        private protected MhConnection ResolveConnection()
        {
            try
            {
                MhConnection connection = ConnectionStore.Resolve(Environment.GetEnvironmentVariable);
                // Windows PowerShell only (a no-op on 7): let parallel page requests reach this host at once.
                DesktopCompatibility.RaiseConnectionLimit(connection.BaseUri);
                return connection;
            }
            catch (MhApiException e)
            {
                Refuse(ErrorRecords.From(e, null));
                throw; // not reached: Refuse always throws
            }
        }

        /// <summary>The connection a request would use, or null when there is none (nothing to redact then, nothing refused yet).</summary>
        private protected MhConnection? ConnectionIfAny()
        {
            try
            {
                return ConnectionStore.Resolve(Environment.GetEnvironmentVariable);
            }
            catch (MhApiException)
            {
                return null;
            }
        }

        /// <summary>
        /// Ends the command before any request: no connection, a bad MIHU_* variable, a value that cannot be sent. At the
        /// prompt that is a terminating error, as PowerShell's own refusals are: it ends the statement, and try/catch
        /// catches it. But -ErrorAction Stop does not reach a statement-terminating error, so a runbook would go on to its
        /// next line (and pwsh -File exit 0); under an effective Stop the record is therefore written as an error, which
        /// PowerShell itself turns into the script-terminating error that Stop asks for: the same record and id either way.
        /// </summary>
        private protected void Refuse(ErrorRecord record)
        {
            if (StopsOnError()) WriteError(record);
            ThrowTerminatingError(record);
        }

        /// <summary>A value from the pipeline is refused for that object only; one given as an argument ends the command.</summary>
        private protected void Refuse(ErrorRecord record, bool fromPipeline)
        {
            if (fromPipeline) WriteError(record);
            else Refuse(record);
        }

        /// <summary>-Verbose, else $VerbosePreference where the command runs, lets Verbose lines through.</summary>
        private bool VerboseShown()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? given)) return given is SwitchParameter { IsPresent: true } or true;
            object? preference = GetVariableValue("VerbosePreference");
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            return preference switch
            {
                ActionPreference action => action is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore),
                string text => !(text.Trim().Equals(nameof(ActionPreference.SilentlyContinue), StringComparison.OrdinalIgnoreCase)
                    || text.Trim().Equals(nameof(ActionPreference.Ignore), StringComparison.OrdinalIgnoreCase)),
                _ => true,
            };
        }

        /// <summary>-ErrorAction, else $ErrorActionPreference where the command runs, is Stop.</summary>
        private protected bool StopsOnError()
        {
            object? preference = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out object? given) ? given : GetVariableValue("ErrorActionPreference");
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            return preference switch
            {
                ActionPreference action => action == ActionPreference.Stop,
                string text => text.Trim().Equals(nameof(ActionPreference.Stop), StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
        }

        /// <summary>
        /// Blocks the pipeline thread until <paramref name="task"/> ends, writing the engine's Verbose, Debug
        /// and Warning messages as they come. Ctrl+C stops the pipeline; an engine failure is rethrown as the
        /// <see cref="MhApiException"/> it is, for the cmdlet to report.
        /// </summary>
        private protected T Await<T>(Task<T> task)
        {
            task.ContinueWith(_ => _changed.Set(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                _changed.Reset();
                _log.WriteTo(this);
                if (!task.IsCompleted) _changed.Wait();
            }
            _log.WriteTo(this);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Blocks the pipeline thread until <paramref name="done"/> holds, writing the engine's messages as they come;
        /// the engine sets <see cref="Changed"/> whenever <paramref name="done"/> may have become true, and
        /// <paramref name="done"/> itself may write to the pipeline (it runs on this thread). Ctrl+C stops the pipeline.
        /// </summary>
        private protected void WaitUntil(Func<bool> done)
        {
            while (true)
            {
                // Reset before looking: whatever happens after the look sets it again, so no wake is lost.
                _changed.Reset();
                _log.WriteTo(this);
                if (_cancel.IsCancellationRequested) throw new PipelineStoppedException();
                if (done()) return;
                try
                {
                    _changed.Wait(_cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// The command is over, however it ended: engine work still under way (writes in flight when an error under
        /// -ErrorAction Stop ended it) is cancelled, so nothing more is sent on behalf of a command that no longer runs.
        /// </summary>
        protected virtual void Dispose(bool disposing)
        {
            if (!disposing) return;
            _cancel.Cancel();
            _cancel.Dispose();
            _changed.Dispose();
        }

        /// <summary>Messages from any thread, written on the pipeline thread by <see cref="WriteTo"/>.</summary>
        private sealed class QueuedListingLog : IListingLog
        {
            private readonly ConcurrentQueue<Message> _messages = new ConcurrentQueue<Message>();
            private readonly ManualResetEventSlim _queued;

            public QueuedListingLog(ManualResetEventSlim queued)
            {
                _queued = queued;
            }

            /// <summary>False under -Debug when a Verbose line could only be written with a prompt.</summary>
            public bool WritesVerbose { get; set; } = true;

            /// <summary>False under -Debug when a warning could only be written with a prompt: it is then a debug line.</summary>
            public bool WritesWarnings { get; set; } = true;

            public bool VerboseWanted => WritesVerbose;

            public void Verbose(string message)
            {
                if (WritesVerbose) Add(new Message(0, message));
            }
            public void Debug(string message) => Add(new Message(1, message));
            public void Warning(string message) => Add(new Message(2, message));

            private void Add(Message message)
            {
                // A request cancelled when the command ended may still say something: a set after the command's end wakes nobody.
                _messages.Enqueue(message);
                _queued.Set();
            }

            public void WriteTo(Cmdlet cmdlet)
            {
                while (_messages.TryDequeue(out Message message))
                {
                    switch (message.Kind)
                    {
                        case 0: if (WritesVerbose) cmdlet.WriteVerbose(message.Text); break;
                        case 1: cmdlet.WriteDebug(message.Text); break;
                        default:
                            if (WritesWarnings) cmdlet.WriteWarning(message.Text);
                            else cmdlet.WriteDebug("WARNING: " + message.Text);
                            break;
                    }
                }
            }

            private readonly struct Message
            {
                public Message(int kind, string text)
                {
                    Kind = kind;
                    Text = text;
                }

                public int Kind { get; }
                public string Text { get; }
            }
        }
    }
}
