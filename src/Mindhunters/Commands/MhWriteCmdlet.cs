using System;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;

namespace Mindhunters.Commands
{
    /// <summary>
    /// The base of every write cmdlet. A cmdlet's ProcessRecord describes one write (<see cref="WriteIntent{T}"/>) and
    /// hands it to <see cref="Send"/>, which does the rest the same way for every write: it refuses an empty uuid, shows
    /// server text only cleaned and redacted (target and action alike, in -WhatIf, -Confirm, Verbose and errors), asks
    /// ShouldProcess on the pipeline thread, sends through the engine (retries, a POST never repeated once it may have
    /// arrived, the pace after a 429, the answer checked), writes the answer for -PassThru, and applies the stop rules
    /// (<see cref="WriteStopRule"/>): after a 401/403, or three server failures in a row for the same reason, the objects
    /// piped after it are counted, not sent, and one error at the end says how many. One write is in flight at a time; a
    /// window of several would live here, behind <see cref="Send"/>, without a change to the cmdlets.
    /// </summary>
    public abstract class MhWriteCmdlet : MhCmdlet
    {
        // A target or an action longer than this is cut: a prompt is no place for a page of text.
        private const int MaxShownChars = 2000;

        private readonly WriteStopRule _stopRule = new WriteStopRule();
        private readonly WritePace _pace = new WritePace();
        private Stop? _stop;

        private protected void Send<T>(WriteIntent<T> intent) where T : class
        {
            if (_stop is not null)
            {
                _stop.NotSent++;
                return;
            }
            if (intent.Name is null && intent.About == Guid.Empty)
            {
                Refuse(ErrorRecords.EmptyUuid(intent.AboutParameter, $"it names no {intent.Noun.One}", "a lookup that found nothing: check what was piped or given"),
                    fromPipeline: MyInvocation.ExpectingInput);
                return;
            }
            MhConnection? known = ConnectionIfAny();
            string target = ServerText.Clean(intent.Target, known, MaxShownChars);
            string action = ServerText.Clean(intent.Action, known, MaxShownChars);
            if (!ShouldProcess(target, action)) return;

            MhConnection connection = ResolveConnection();
            // Server text that echoes a secret the command holds (a SIP password) is blanked like the token.
            MhConnection sending = intent.Secrets.Count == 0 ? connection : connection.WithSecrets(intent.Secrets);
            T? answer;
            string? note = intent.FollowUp is null ? null : intent.NoteWhenFirstFails;
            try
            {
                answer = Await(MhApiClient.Default.WriteAsync(sending, intent.Request(target, connection.Subdomain), Log, CancellationToken, _pace));
                if (intent.FollowUp is not null)
                {
                    // Made only now, so that a body with a secret exists only when it is sent (the engine zeroes it then).
                    note = intent.NoteWhenFollowUpFails;
                    answer = Await(MhApiClient.Default.WriteAsync(sending, intent.FollowUp(target, connection.Subdomain), Log, CancellationToken, _pace));
                }
            }
            catch (MhApiException e)
            {
                Failed(note is null ? e : e.WithNote(note), intent.ErrorTarget, intent.Noun);
                return;
            }
            _stopRule.Succeeded();
            if (!intent.PassThru) return;
            if (answer is null)
            {
                WriteVerboseLine($"The API answered without a body: the change was made, but there is no {intent.Noun.One} to pass through.");
                return;
            }
            object? output = intent.Output is null ? answer : intent.Output(answer);
            if (output is null) WriteVerboseLine($"The API's answer holds no {intent.OutputNoun ?? intent.Noun.One}: the change was made, but there is nothing to pass through.");
            else WriteObject(output);
        }

        /// <summary>
        /// A read that one write needs first (Set-MhPhoneNumber -Number looks the uuid up), under the same stop rules as
        /// the writes: a server that refuses the token or keeps failing is not asked again for every object that follows.
        /// </summary>
        /// <param name="about">What the read is for, as errors name it: the number as given.</param>
        /// <returns>The answer; null when the read failed (the error is written) or the command has stopped (counted).</returns>
        private protected T? ReadFirst<T>(Func<CancellationToken, Task<T>> read, object about, (string One, string Many) noun) where T : class
        {
            if (_stop is not null)
            {
                _stop.NotSent++;
                return null;
            }
            try
            {
                T answer = Await(read(CancellationToken));
                _stopRule.Succeeded();
                return answer;
            }
            catch (MhApiException e)
            {
                Failed(e, about, noun);
                return null;
            }
        }

        protected override void EndProcessing()
        {
            if (_stop is not null) WriteStop(_stop);
        }

        private void Failed(MhApiException failure, object about, (string One, string Many) noun)
        {
            if (!_stopRule.StopsAfter(failure))
            {
                // A refusal of this object: the next one goes on.
                WriteError(ErrorRecords.From(failure, about));
                return;
            }
            _stop = new Stop(failure, about, noun, _stopRule.InARow);
            WriteVerboseLine($"{MyInvocation.MyCommand.Name} stops: the {noun.Many} piped after this one are counted, not sent.");
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
