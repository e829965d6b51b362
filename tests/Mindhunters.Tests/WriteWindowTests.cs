using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Api;
using Mindhunters.Api.Json;
using Mindhunters.FakeApi;
using Mindhunters.Model;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>
    /// The writes of one command with -ThrottleLimit: how many are in flight, the order their outcomes come out in, and
    /// the stop rule judged in input order, driven with answers the test releases one by one; then once against the fake.
    /// </summary>
    public sealed class WriteWindowTests : FakeApiTestBase
    {
        private static readonly (string, string) Noun = ("phone number", "phone numbers");

        private readonly WritePace _pace = new WritePace();
        private readonly ManualResetEventSlim _settled = new ManualResetEventSlim(false);

        public WriteWindowTests() : base("write-window-token-3f0d")
        {
        }

        private static Guid Uuid(int n) => new Guid(n, 0, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, (byte)n);

        private static MhApiException Failure(MhErrorKind kind) => new MhApiException(kind, "failed", "action");

        /// <summary>Starts write <paramref name="n"/> (its answer waits for the test) and returns its answer to release.</summary>
        private TaskCompletionSource<object?> Start(WriteWindow window, int n)
        {
            var answer = new TaskCompletionSource<object?>();
            window.Start(new WriteSlot(Uuid(n), Noun, answer.Task, passThru: true));
            return answer;
        }

        private WriteWindow Window(int limit = 8) => new WriteWindow(limit, _pace, Log, _settled);

        /// <summary>A window whose first write was answered, so that it has its full width.</summary>
        private WriteWindow Answered(int limit = 8)
        {
            WriteWindow window = Window(limit);
            Start(window, 0).SetResult("answer 0");
            Assert.Null(window.TakeNext()!.Failure);
            return window;
        }

        private static List<WriteOutcome> TakeAll(WriteWindow window)
        {
            var outcomes = new List<WriteOutcome>();
            while (window.TakeNext() is WriteOutcome outcome) outcomes.Add(outcome);
            return outcomes;
        }

        [Fact]
        public void OneWriteIsInFlight_UntilTheServerHasAnsweredOne_ThenUpToTheLimit()
        {
            WriteWindow window = Window();
            TaskCompletionSource<object?> first = Start(window, 1);
            Assert.False(window.HasRoom);

            first.SetResult("answer 1");
            Assert.Equal("answer 1", window.TakeNext()!.Answer);
            for (int n = 2; n <= 9; n++)
            {
                Assert.True(window.HasRoom);
                Start(window, n);
            }

            Assert.False(window.HasRoom);
            Assert.Equal(8, window.Running);
        }

        [Fact]
        public void Outcomes_ComeInInputOrder_WhateverOrderTheAnswersArriveIn()
        {
            WriteWindow window = Answered();
            TaskCompletionSource<object?>[] answers = Enumerable.Range(1, 8).Select(n => Start(window, n)).ToArray();

            for (int i = 7; i >= 1; i--) answers[i].SetResult("answer " + (i + 1));
            Assert.Null(window.TakeNext());
            answers[0].SetException(Failure(MhErrorKind.NotFound));

            List<WriteOutcome> outcomes = TakeAll(window);
            Assert.Equal(Enumerable.Range(1, 8).Select(Uuid), outcomes.Select(o => (Guid)o.Slot.About));
            Assert.Equal("MhNotFound", outcomes[0].Failure!.ErrorId);
            Assert.Equal("answer 8", outcomes[7].Answer);
            Assert.True(window.IsEmpty);
        }

        [Fact]
        public void After429_OneWriteIsInFlight_ForTheRestOfTheCommand()
        {
            WriteWindow window = Answered();
            TaskCompletionSource<object?>[] answers = Enumerable.Range(1, 4).Select(n => Start(window, n)).ToArray();
            Assert.True(window.HasRoom);

            _pace.Throttled(TimeSpan.FromSeconds(1));
            Assert.False(window.HasRoom);
            foreach (TaskCompletionSource<object?> answer in answers) answer.SetResult("answer");
            TakeAll(window);
            TaskCompletionSource<object?> fifth = Start(window, 5);
            Assert.False(window.HasRoom);
            fifth.SetResult("answer");
            TakeAll(window);

            Start(window, 7);
            Assert.False(window.HasRoom);
            Assert.Single(Log.VerboseLines, line => line == "The server is throttling (429): one request at a time for the rest of the command.");
        }

        [Fact]
        public void AfterAServerFailure_OneWriteIsInFlight_UntilAWriteIsAnswered()
        {
            WriteWindow window = Answered();
            TaskCompletionSource<object?> failing = Start(window, 1);
            TaskCompletionSource<object?> next = Start(window, 2);
            failing.SetException(Failure(MhErrorKind.ServiceUnavailable));

            Assert.Equal("MhServiceUnavailable", window.TakeNext()!.Failure!.ErrorId);
            Assert.False(window.HasRoom);

            next.SetResult("answer 2");
            Assert.Equal("answer 2", window.TakeNext()!.Answer);
            Assert.True(window.HasRoom);
        }

        [Fact]
        public void AFirstWriteRefusedForItsToken_StopsTheCommand_WithNothingElseSent()
        {
            WriteWindow window = Window();
            TaskCompletionSource<object?> first = Start(window, 1);
            Assert.False(window.HasRoom);

            first.SetException(Failure(MhErrorKind.Authentication));
            WriteOutcome outcome = window.TakeNext()!;

            Assert.True(outcome.Stops);
            Assert.True(window.Stopped);
            Assert.False(window.HasRoom);
        }

        [Fact]
        public void ThreeServerFailuresInARow_CountInInputOrder_WhateverOrderTheyArriveIn()
        {
            WriteWindow window = Answered();
            TaskCompletionSource<object?>[] answers = Enumerable.Range(1, 5).Select(n => Start(window, n)).ToArray();

            for (int i = 4; i >= 0; i--) answers[i].SetException(Failure(MhErrorKind.Timeout));
            List<WriteOutcome> outcomes = TakeAll(window);

            Assert.Equal(new[] { false, false, true, false, false }, outcomes.Select(o => o.Stops));
            Assert.Equal(3, outcomes[2].InARow);
            Assert.Equal(Uuid(3), (Guid)outcomes[2].Slot.About);
            // The two already under way are still reported, each with its own failure.
            Assert.All(outcomes.Skip(3), o => Assert.Equal("MhTimeout", o.Failure!.ErrorId));
            Assert.True(window.Stopped);
            Assert.False(window.HasRoom);
        }

        [Fact]
        public void ARefusalBetweenServerFailures_BreaksTheRun()
        {
            WriteWindow window = Answered();
            TaskCompletionSource<object?>[] answers = Enumerable.Range(1, 4).Select(n => Start(window, n)).ToArray();

            answers[3].SetException(Failure(MhErrorKind.ServiceUnavailable));
            answers[2].SetException(Failure(MhErrorKind.ServiceUnavailable));
            answers[1].SetException(Failure(MhErrorKind.NotFound));
            answers[0].SetException(Failure(MhErrorKind.ServiceUnavailable));

            Assert.DoesNotContain(TakeAll(window), o => o.Stops);
            Assert.False(window.Stopped);
        }

        [Fact]
        public void ObjectsWithNothingToSend_KeepTheirPlace_AndTheWindowHoldsABoundedNumber()
        {
            WriteWindow window = Answered();
            TaskCompletionSource<object?> slow = Start(window, 1);
            int held = 0;
            while (window.CanHold)
            {
                window.Hold(new WriteSlot(Uuid(100 + held), Noun, "unchanged", "as piped " + held, passThru: true));
                held++;
            }
            Assert.Equal(WriteWindow.MaxHeld - 1, held);
            Assert.False(window.HasRoom);
            Assert.Null(window.TakeNext());

            slow.SetResult("answer 1");
            List<WriteOutcome> outcomes = TakeAll(window);
            Assert.Equal("answer 1", outcomes[0].Answer);
            Assert.Equal(Enumerable.Range(0, held).Select(i => "as piped " + i), outcomes.Skip(1).Select(o => o.Answer));
            Assert.All(outcomes.Skip(1), o => Assert.Equal("unchanged", o.Slot.Note));
        }

        [Fact]
        public void ACancelledWrite_IsTheCancellation_NotAFailureOfTheObject()
        {
            WriteWindow window = Answered();
            Start(window, 1).SetCanceled();

            Assert.ThrowsAny<OperationCanceledException>(() => window.TakeNext());
        }

        [Fact]
        public async Task AgainstTheFake_EightWritesAreInFlight_AndTheAnswersComeOutInInputOrder()
        {
            Server.Faults = new FaultSettings { LatencyMs = 100, LatencyJitterMs = 200 };
            MhConnection connection = Connection();
            List<Guid> numbers = Enumerable.Range(1, 40).Select(i => FakeData.Item(i).PhoneNumberUuid).ToList();
            var written = new List<Guid>();
            WriteWindow window = Window();

            await Task.Run(() =>
            {
                // As the cmdlet waits: the signal is reset before each look, so an answer after the look is not missed.
                void WriteOutcomesUntil(Func<bool> done)
                {
                    while (true)
                    {
                        _settled.Reset();
                        while (window.TakeNext() is WriteOutcome outcome) written.Add(((PhoneNumber)outcome.Answer!).PhoneNumberUuid);
                        if (done()) return;
                        Assert.True(_settled.Wait(TimeSpan.FromSeconds(10)), "No write ended within 10 s.");
                    }
                }

                foreach (Guid uuid in numbers)
                {
                    WriteOutcomesUntil(() => window.HasRoom);
                    var request = new WriteRequest<PhoneNumber>(HttpMethods.Patch, ChannelSettingsChange.PathOf(uuid), new ChannelSettingsChange { SmsChannelLimit = 2 }.ToJson(),
                        MindhuntersJsonContext.Default.PhoneNumberItemResponse, ApiOperation.Write("Updating phone number " + uuid, "Set-MhPhoneNumber", "Check the uuid."))
                    {
                        About = uuid,
                        IdOf = number => number.PhoneNumberUuid,
                    };
                    window.Start(new WriteSlot(uuid, Noun, Boxed(Client.WriteAsync(connection, request, Log, CancellationToken.None, _pace)), passThru: true));
                }
                WriteOutcomesUntil(() => window.IsEmpty);
            });

            Assert.Equal(numbers, written);
            IReadOnlyList<RecordedRequest> requests = Server.Requests;
            Assert.Equal(40, requests.Count);
            Assert.Equal(8, requests.Max(r => r.InFlight));
            Assert.NotEqual(numbers.Select(n => "/api/v1/phone-numbers/" + n), requests.Select(r => r.Path));
        }

        private static async Task<object?> Boxed(Task<PhoneNumber?> write) => await write.ConfigureAwait(false);
    }
}
