using System;
using System.Collections.Generic;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Changes a number's voice, sms and inbound settings with PATCH /api/v1/phone-numbers/{uuid}: one request per
    /// number, carrying only the settings given. The settings come from the arguments and, for a piped row (Import-Csv),
    /// from its cells; a piped phone number object gives only which number it is. What every write does
    /// (ShouldProcess, cleaning, the stop rules, the answer checks) is <see cref="MhWriteCmdlet"/>'s; this class says
    /// which number and what change.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MhPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PhoneNumber))]
    public sealed class SetMhPhoneNumberCommand : MhWriteCmdlet
    {
        private static readonly (string One, string Many) Noun = ("phone number", "phone numbers");

        // What a phone number object becomes when it crosses a process (Import-Clixml, Invoke-Command): still a number.
        private const string DeserializedPhoneNumber = "Deserialized.Mindhunters.Model.PhoneNumber";

        private ChannelSettingsChange _given = new ChannelSettingsChange();
        private byte[] _givenBody = new byte[0];
        private HashSet<string> _givenParameters = new HashSet<string>();
        private int _inputCount;

        // One of PhoneNumberUuid and Number says which number; neither is Mandatory, and there are no parameter sets:
        // PowerShell picks a piped row's set before it has bound every property, and a row with a Number, a setting
        // and an empty cell then binds in the uuid's set and fails. ProcessRecord says when neither is given.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number_uuid")]
        [EmptyCellAsEmptyGuid]
        public Guid PhoneNumberUuid { get; set; }

        // Checked only when it is used (no uuid): a piped phone number binds its Number too, and a server's odd text
        // there must not fail the binding of a number that has a uuid.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Number { get; set; } = "";

        // The piped object: a phone number, whose current values -WhatIf and -Confirm show (and nothing is sent when it
        // already has every value asked for), or a row whose cells are settings.
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        // The settings are arguments only, not bound from the pipeline by property name: a piped row's cells of these names
        // are read from the row itself (SettingCells), and a piped phone number's properties of these names are its
        // current state, not a change. Binding them cost every piped number 8 property bindings it then ignored (about
        // 4 KB and a third of what a bulk write costs beyond the bare HTTP request).
        [Parameter]
        [SettingTransformation(typeof(bool))]
        [ArgumentCompleter(typeof(BooleanCompleter))]
        public bool? VoiceEnabled { get; set; }

        [Parameter]
        [SettingTransformation(typeof(int))]
        public int? VoiceChannelLimit { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        [SettingTransformation(typeof(string[]))]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string[]? VoiceWhitelistedDestinations { get; set; }

        [Parameter]
        [SettingTransformation(typeof(bool))]
        [ArgumentCompleter(typeof(BooleanCompleter))]
        public bool? SmsEnabled { get; set; }

        [Parameter]
        [SettingTransformation(typeof(int))]
        public int? SmsChannelLimit { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        [SettingTransformation(typeof(string[]))]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string[]? SmsWhitelistedDestinations { get; set; }

        [Parameter]
        [SettingTransformation(typeof(bool))]
        [ArgumentCompleter(typeof(BooleanCompleter))]
        public bool? InboundEnabled { get; set; }

        [Parameter]
        [SettingTransformation(typeof(int))]
        public int? InboundChannelLimit { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // The arguments, before any input: no setting is bound from the pipeline, and a row's cells are read from the
            // row itself (Cell) for the settings not named here.
            _givenParameters = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            var problems = new List<string>();
            _given = new ChannelSettingsChange
            {
                VoiceEnabled = Given(nameof(VoiceEnabled), VoiceEnabled, SettingText.BooleanForms, problems),
                VoiceChannelLimit = Given(nameof(VoiceChannelLimit), VoiceChannelLimit, SettingText.LimitForm, problems),
                VoiceWhitelistedDestinations = Given(nameof(VoiceWhitelistedDestinations), VoiceWhitelistedDestinations, problems),
                SmsEnabled = Given(nameof(SmsEnabled), SmsEnabled, SettingText.BooleanForms, problems),
                SmsChannelLimit = Given(nameof(SmsChannelLimit), SmsChannelLimit, SettingText.LimitForm, problems),
                SmsWhitelistedDestinations = Given(nameof(SmsWhitelistedDestinations), SmsWhitelistedDestinations, problems),
                InboundEnabled = Given(nameof(InboundEnabled), InboundEnabled, SettingText.BooleanForms, problems),
                InboundChannelLimit = Given(nameof(InboundChannelLimit), InboundChannelLimit, SettingText.LimitForm, problems),
            };
            if (problems.Count > 0)
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException(string.Join(" ", problems) + " Nothing was sent."), "MhInvalidSetting", null));
            }
            // Without piped input nothing can add a setting or a number: the same mistake for every number, so it stops the command.
            if (_given.IsEmpty && !MyInvocation.ExpectingInput) Refuse(NoSettingGiven());
            if (!MyInvocation.ExpectingInput && !IsBound(nameof(PhoneNumberUuid)) && !IsBound(nameof(Number))) Refuse(NoNumberGiven());
            if (IsBound(nameof(Number)) && !IsBound(nameof(PhoneNumberUuid)) && InvalidNumber(Number) is ErrorRecord invalid) Refuse(invalid);
            _givenBody = _given.ToJson();
        }

        protected override void ProcessRecord()
        {
            _inputCount++;
            PhoneNumber? piped = InputObject?.BaseObject as PhoneNumber;
            bool isRow = InputObject is not null && piped is null && !InputObject.TypeNames.Contains(DeserializedPhoneNumber);

            ChannelSettingsChange change = _given;
            byte[] body = _givenBody;
            if (isRow)
            {
                var problems = new List<string>();
                change = SettingCells.Combine(_given, SettingCells.Read(name => Cell(name, problems), _givenParameters.Contains, problems));
                if (problems.Count > 0)
                {
                    WriteError(RowError($"{RowName()}: {string.Join("; ", problems.ConvertAll(problem => problem.TrimEnd('.')))}. Nothing was sent for this row.", "MhInvalidSetting"));
                    return;
                }
                if (change.IsEmpty)
                {
                    // Empty cells under the right headers leave that number alone; no such header at all is a mistake
                    // (a misspelt column, the wrong file) that would otherwise change nothing, silently, on every row.
                    if (HasSettingColumn()) WriteVerboseLine($"{RowName()}: every setting cell is empty, so nothing was sent for it.");
                    else WriteError(RowError($"{RowName()} gives no setting to change: it has no cell named {string.Join(", ", SettingCells.Names)}. Nothing was sent for this row.", "MhNoSettingGiven"));
                    return;
                }
                body = change.ToJson();
            }
            else if (change.IsEmpty)
            {
                // A phone number object's own values are its current state, not settings to send.
                Refuse(NoSettingGiven());
                return;
            }

            // Which number: the uuid when there is one (it wins over a Number given too), else the number, looked up.
            Guid uuid = PhoneNumberUuid;
            string? number = isRow ? TextCell(nameof(Number)) : piped is not null ? piped.Number : string.IsNullOrWhiteSpace(Number) ? null : Number;
            if (isRow && !HasCell(nameof(PhoneNumberUuid)) && !HasCell("phone_number_uuid") && number is null)
            {
                WriteError(RowError($"{RowName()} does not say which number to change: it has no PhoneNumberUuid or Number cell. Nothing was sent for this row.", "MhNoNumberGiven"));
                return;
            }
            // Values piped from another number must not be shown as this one's current values.
            PhoneNumber? current = piped is not null && piped.PhoneNumberUuid == uuid ? piped : null;
            if (uuid == Guid.Empty && piped is null && number is not null)
            {
                if (InvalidNumber(number) is ErrorRecord invalid)
                {
                    WriteError(isRow ? RowError($"{RowName()}: {invalid.Exception.Message} Nothing was sent for this row.", "MhInvalidNumber") : invalid);
                    return;
                }
                current = LookUp(number!.Trim());
                if (current is null) return;
                uuid = current.PhoneNumberUuid;
            }
            string? shownNumber = current?.Number ?? (string.IsNullOrWhiteSpace(number) ? null : number!.Trim());
            Send(new WriteIntent<PhoneNumber>(uuid, nameof(PhoneNumberUuid), Noun,
                shownNumber is null ? uuid.ToString() : $"{shownNumber} ({uuid})",
                "Set channel settings: " + string.Join(", ", change.Changes(current?.ChannelSettings)),
                (shownAs, workspace) => ChannelSettingsChange.Request(uuid, body, shownAs, workspace, answerShown: PassThru))
            {
                PassThru = PassThru,
                AlreadySo = change.IsSatisfiedBy(current?.ChannelSettings) ? current : null,
                Force = Force,
            });
        }

        /// <summary>
        /// The one phone number that is <paramref name="number"/>, found as Get-MhPhoneNumber -Number finds it; null after
        /// an error (none found, more than one, a failed search, which counts for the stop rules like a failed write).
        /// </summary>
        private PhoneNumber? LookUp(string number)
        {
            MhConnection connection = ResolveConnection();
            List<PhoneNumber>? found = ReadFirst(token => PhoneNumberLookup.FindAsync(MhApiClient.Default, connection, number, null, Log, token), number, Noun);
            if (found is null) return null;
            if (found.Count == 1) return found[0];
            string shown = ServerText.Clean(number, connection, 100);
            WriteError(found.Count == 0
                ? ErrorRecords.From(PhoneNumberLookup.NotFound(shown, connection.Subdomain), shown)
                : ErrorRecords.InvalidArgument(new ArgumentException(
                    $"The number {shown} matches {found.Count} phone numbers of the workspace, so it does not say which one to change. Give its PhoneNumberUuid instead (Get-MhPhoneNumber -Number '{shown}' lists them)."),
                    "MhAmbiguousNumber", shown));
            return null;
        }

        private bool? Given(string parameter, bool? value, string forms, List<string> problems) =>
            Given(parameter, value is null, forms, problems) ? value : null;

        private int? Given(string parameter, int? value, string forms, List<string> problems) =>
            Given(parameter, value is null, forms, problems) ? value : null;

        /// <summary>True for an argument that was given with a usable value; a given one without adds its problem.</summary>
        private bool Given(string parameter, bool isNull, string forms, List<string> problems)
        {
            if (!IsBound(parameter)) return false;
            if (isNull) problems.Add($"-{parameter} takes {forms}.");
            return !isNull;
        }

        /// <summary>The codes, upper-case, as the API's examples write them ("US"); null when the parameter was not given.</summary>
        private IReadOnlyList<string>? Given(string parameter, string[]? codes, List<string> problems)
        {
            if (!IsBound(parameter)) return null;
            SettingValue<IReadOnlyList<string>> read = SettingText.Destinations(codes);
            if (!read.IsGiven) problems.Add($"-{parameter} takes ISO 3166-1 country codes, such as US, GB; @() empties the list.");
            else if (read.Problem is not null) problems.Add($"-{parameter}: {read.Problem}");
            return read.IsUsable ? read.Value : null;
        }

        /// <summary>
        /// The piped row's value of that name (PSObject unwrapped), or null when it has none. A value that cannot be read
        /// (a script property that throws) is null too, and for a setting the row's problem, not a setting left out.
        /// </summary>
        private object? Cell(string name, List<string>? problems = null)
        {
            try
            {
                return SettingTransformationAttribute.Unwrap(InputObject?.Properties[name]?.Value);
            }
            catch (GetValueException e)
            {
                problems?.Add($"{name} could not be read ({e.Message.TrimEnd('.')})");
                return null;
            }
        }

        private bool HasSettingColumn()
        {
            foreach (string name in SettingCells.Names)
            {
                if (HasCell(name)) return true;
            }
            return false;
        }

        private bool HasCell(string name) => InputObject?.Properties[name] is not null;

        private string? TextCell(string name) => Cell(name)?.ToString() is string text && text.Trim().Length > 0 ? text.Trim() : null;

        /// <summary>"Row 3 (+12125550100)": the piped object's place in the input and its number, else its uuid.</summary>
        private string RowName()
        {
            string? name = TextCell(nameof(Number)) ?? TextCell(nameof(PhoneNumberUuid)) ?? TextCell("phone_number_uuid");
            return name is null ? $"Row {_inputCount}" : $"Row {_inputCount} ({name})";
        }

        /// <summary>An error about one piped row; its text (cells may be a server's, from an export) cleaned and redacted.</summary>
        private ErrorRecord RowError(string message, string errorId)
        {
            string shown = ServerText.Clean(message, ConnectionIfAny(), 2000);
            return new ErrorRecord(new ArgumentException(shown), errorId, ErrorCategory.InvalidArgument, InputObject)
            {
                ErrorDetails = new ErrorDetails(shown) { RecommendedAction = "Correct the row and run the command again for it; the other rows were sent." },
            };
        }

        /// <summary>The refusal of a number that is not written the E.164 way (it would match nothing); null for a usable one.</summary>
        private ErrorRecord? InvalidNumber(string number)
        {
            if (E164.Problem(number, "number") is null) return null;
            string problem = E164.Problem(ServerText.Clean(number, ConnectionIfAny(), 100), "number")!;
            return ErrorRecords.InvalidArgument(new ArgumentException(problem), "MhInvalidNumber", null);
        }

        private static ErrorRecord NoNumberGiven() => ErrorRecords.InvalidArgument(
            new ArgumentException("Say which number to change: give -PhoneNumberUuid or -Number, or pipe objects with a PhoneNumberUuid or Number property."),
            "MhNoNumberGiven", null);

        private static ErrorRecord NoSettingGiven() => ErrorRecords.InvalidArgument(
            new ArgumentException($"Give at least one setting to change: -{string.Join(", -", SettingCells.Names)}; or pipe rows (Import-Csv) with cells of those names."),
            "MhNoSettingGiven", null);
    }
}
