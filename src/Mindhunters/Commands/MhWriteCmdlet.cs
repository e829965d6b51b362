using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// The base of every write cmdlet. A cmdlet's ProcessRecord describes one write (<see cref="WriteIntent{T}"/>) and
    /// hands it to <see cref="Send"/>, which does the rest the same way for every write: it refuses an empty uuid, sends
    /// nothing for an object that already has every value asked for (unless -Force), shows server text only cleaned and
    /// redacted (target and action alike, in -WhatIf, -Confirm, Verbose and errors), asks ShouldProcess on the pipeline
    /// thread in input order, sends through the engine (retries, a POST never repeated once it may have arrived, the
    /// pace after a 429, the answer checked) with up to -ThrottleLimit requests in flight (<see cref="WriteWindow"/>),
    /// writes -PassThru objects and errors in input order, and applies the stop rules (<see cref="WriteStopRule"/>):
    /// after a 401/403, or three objects in a row failing for the same server-side reason, the objects piped after it
    /// are counted, not sent, and one error at the end says how many.
    /// </summary>
    public abstract class MhWriteCmdlet : MhCmdlet
    {
        // A target or an action longer than this is cut: a prompt is no place for a page of text.
        private const int MaxShownChars = 2000;

        private readonly WritePace _pace = new WritePace();
        private WriteWindow? _window;
        private Stop? _stop;

        // Made once for the targets and actions of all the objects piped, not once per object (where making them cost more
        // than the rest of the object's cleaning): they live while the command runs, as the token's text does anyway in
        // the Authorization header of every request it sends, and are dropped when it ends.
        private SecretSpellings? _spellings;

        [Parameter]
        [ValidateRange(1, WriteWindow.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 1;

        private WriteWindow Window => _window ??= new WriteWindow(ThrottleLimit, _pace, Log, Changed);

        private protected void Send<T>(WriteIntent<T> intent) where T : class
        {
            WriteOutcomes();
            if (_stop is not null)
            {
                _stop.NotSent++;
                return;
            }
            if (intent.Name is null && intent.About == Guid.Empty)
            {
                // After the outcomes of the objects piped before it, so that errors keep the input order.
                WaitUntil(() => WriteOutcomes() && Window.IsEmpty);
                Refuse(ErrorRecords.EmptyUuid(intent.AboutParameter, $"it names no {intent.Noun.One}", "a lookup that found nothing: check what was piped or given"),
                    fromPipeline: MyInvocation.ExpectingInput);
                return;
            }
            string[] shown = ServerText.Clean(SpellingsOf(ConnectionIfAny()), MaxShownChars, intent.Target, intent.Action);
            string target = shown[0];
            string action = shown[1];
            if (intent.AlreadySo is T asItIs && !intent.Force)
            {
                WaitUntil(() => WriteOutcomes() && Window.CanHold);
                Window.Hold(new WriteSlot(intent.ErrorTarget, intent.Noun,
                    $"Unchanged: \"{target}\" already has every value asked for, so nothing was sent for it (-Force sends it anyway).", asItIs, intent.PassThru));
                return;
            }
            // Room first: a prompt is not asked for an object that a stop in the meantime would not send.
            WaitUntil(() => WriteOutcomes() && (_stop is not null || Window.HasRoom));
            if (_stop is not null)
            {
                _stop.NotSent++;
                return;
            }
            if (!ShouldProcess(target, action)) return;

            MhConnection connection = ResolveConnection();
            // Server text that echoes a secret the command holds (a SIP password) is blanked like the token.
            MhConnection sending = intent.Secrets.Count == 0 ? connection : connection.WithSecrets(intent.Secrets);
            // The request is made here, where the cmdlet's values are this object's (the next object rebinds them), and
            // started here too, as a listing starts its pages: it runs on this thread until it waits for the network. Handing
            // it to the thread pool instead cost a pool hop per object (a thread woken, then spinning for more work) that a
            // 2-core machine, where the server runs too, paid in throughput.
            WriteRequest<T> first = intent.Request(target, connection.Subdomain);
            Window.Start(new WriteSlot(intent.ErrorTarget, intent.Noun, SendAsync(intent, first, sending, target, connection.Subdomain), intent.PassThru));
        }

        /// <summary>
        /// A read that one write needs first (Set-MhPhoneNumber -Number looks the uuid up). It takes its place in the
        /// window like a write, so it is under the same stop rules (a server that refuses the token or keeps failing is not
        /// asked again for every object that follows) and its error comes in input order.
        /// </summary>
        /// <param name="about">What the read is for, as errors name it: the number as given.</param>
        /// <returns>The answer; null when the read failed (its error is written in its turn) or the command has stopped (counted).</returns>
        private protected T? ReadFirst<T>(Func<CancellationToken, Task<T>> read, object about, (string One, string Many) noun) where T : class
        {
            WaitUntil(() => WriteOutcomes() && (_stop is not null || Window.HasRoom));
            if (_stop is not null)
            {
                _stop.NotSent++;
                return null;
            }
            Task<T> reading = read(CancellationToken);
            Window.Start(new WriteSlot(about, noun, Boxed(reading), passThru: false));
            WaitUntil(() => WriteOutcomes() && reading.IsCompleted);
            return reading.Status == TaskStatus.RanToCompletion ? reading.Result : null;
        }

        /// <summary>
        /// The write's requests (<paramref name="first"/>, then its follow-up once the first succeeded), off the pipeline
        /// thread; the result is what -PassThru writes, null when there is nothing to write (Verbose says why).
        /// </summary>
        private async Task<object?> SendAsync<T>(WriteIntent<T> intent, WriteRequest<T> first, MhConnection connection, string target, string workspace) where T : class
        {
            string? note = intent.FollowUp is null ? null : intent.NoteWhenFirstFails;
            try
            {
                T? answer = await MhApiClient.Default.WriteAsync(connection, first, Log, CancellationToken, _pace).ConfigureAwait(false);
                if (intent.FollowUp is not null)
                {
                    // Made only now, so that a body with a secret exists only when it is sent (the engine zeroes it then).
                    note = intent.NoteWhenFollowUpFails;
                    answer = await MhApiClient.Default.WriteAsync(connection, intent.FollowUp(target, workspace), Log, CancellationToken, _pace).ConfigureAwait(false);
                }
                if (!intent.PassThru) return null;
                if (answer is null)
                {
                    Log.Verbose($"The API answered without a body: the change was made, but there is no {intent.Noun.One} to pass through.");
                    return null;
                }
                object? output = intent.Output is null ? answer : intent.Output(answer);
                if (output is null) Log.Verbose($"The API's answer holds no {intent.OutputNoun ?? intent.Noun.One}: the change was made, but there is nothing to pass through.");
                return output;
            }
            catch (MhApiException e) when (note is not null)
            {
                throw e.WithNote(note);
            }
        }

        protected override void EndProcessing()
        {
            if (_window is not null) WaitUntil(() => WriteOutcomes() && _window.IsEmpty);
            if (_stop is not null) WriteStop(_stop);
            _spellings = null;
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (!disposing) return;
            // However the command ended (a stop, an error under -ErrorAction Stop), its spellings of the token go with it.
            _spellings = null;
        }

        /// <summary>The spellings kept for <paramref name="connection"/> (made anew should the connection change mid-command).</summary>
        private SecretSpellings? SpellingsOf(MhConnection? connection)
        {
            if (connection is null) return null;
            if (_spellings?.Connection != connection) _spellings = new SecretSpellings(connection);
            return _spellings;
        }

        private static async Task<object?> Boxed<T>(Task<T> read) => await read.ConfigureAwait(false);

        /// <summary>Writes the outcomes known so far, in input order; true, so that it reads as the first step of a wait's test.</summary>
        private bool WriteOutcomes()
        {
            if (_window is null) return true;
            while (true)
            {
                WriteOutcome? outcome;
                try
                {
                    outcome = _window.TakeNext();
                }
                catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                if (outcome is null) return true;
                // What its requests said (queued before they ended) comes first: an object's Verbose lines before its
                // output or error, and none left behind when the last outcome ends the command.
                WriteQueuedMessages();
                Write(outcome);
            }
        }

        private void Write(WriteOutcome outcome)
        {
            WriteSlot slot = outcome.Slot;
            if (slot.Note is string note) WriteVerboseLine(note);
            if (outcome.Failure is MhApiException failure)
            {
                Failed(failure, outcome);
                return;
            }
            // A write's task says in Verbose why it has nothing to pass through.
            if (slot.PassThru && outcome.Answer is not null) WriteObject(outcome.Answer);
        }

        private void Failed(MhApiException failure, WriteOutcome outcome)
        {
            WriteSlot slot = outcome.Slot;
            if (!outcome.Stops)
            {
                // A refusal of this object (or the outcome of one already under way when the command stopped).
                WriteError(ErrorRecords.From(failure, slot.About));
                return;
            }
            _stop = new Stop(failure, slot.About, slot.Noun, outcome.InARow);
            WriteVerboseLine($"{MyInvocation.MyCommand.Name} stops: the {slot.Noun.Many} piped after this one are counted, not sent.");
            // Under -ErrorAction Stop the error ends the script now, as any other error would.
            if (StopsOnError()) WriteStop(_stop);
        }

        private void WriteStop(Stop stop)
        {
            _stop = null;
            string command = MyInvocation.MyCommand.Name;
            string notSent = stop.NotSent == 1 ? $"1 {stop.Noun.One}" : $"{stop.NotSent} {stop.Noun.Many}";
            string note = stop.Cause.Kind is MhErrorKind.Authentication or MhErrorKind.PermissionDenied or MhErrorKind.PurchaseLimitReached
                ? stop.NotSent == 0 ? "" : $"{command} stopped here: {notSent} piped after it were not sent."
                : $"{command} stopped after {stop.InARow} {stop.Noun.Many} in a row failed this way: {notSent} piped after them were not sent.";
            WriteError(ErrorRecords.From(note.Length == 0 ? stop.Cause : stop.Cause.WithNote(note), stop.About));
        }

        /// <summary>Why the command stopped sending, and how many objects came after that.</summary>
        private sealed class Stop
        {
            public Stop(MhApiException cause, object about, (string One, string Many) noun, int inARow)
            {
                Cause = cause;
                About = about;
                Noun = noun;
                InARow = inARow;
            }

            public MhApiException Cause { get; }
            public object About { get; }
            public (string One, string Many) Noun { get; }
            public int InARow { get; }
            public int NotSent { get; set; }
        }
    }
}
