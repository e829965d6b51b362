using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Mindhunters.Api;
using Mindhunters.Model;

namespace Mindhunters.Commands
{
    /// <summary>
    /// Buys a phone number: POST /api/v1/phone-numbers (<see cref="PhoneNumberPurchase"/>). It costs money every month, so
    /// it asks first (ConfirmImpact High) and its POST is never sent again once it may have reached the server. The values
    /// come from the search result the web app or a raw request shows, also by property name from the pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MhPhoneNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PhoneNumber))]
    public sealed class NewMhPhoneNumberCommand : MhWriteCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateE164("number")]
        public string Number { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("country_code")]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string CountryCode { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("local", "toll_free", "mobile", "national")]
        public string Type { get; set; } = "";

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("monthly_fee")]
        public decimal MonthlyFee { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Location { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? Address { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable[]? Requirement { get; set; }

        protected override void ProcessRecord()
        {
            string number = "+" + E164.Digits(Number);
            PhoneNumberPurchase purchase;
            try
            {
                purchase = new PhoneNumberPurchase(Number, CountryCodes.Normalize(CountryCode), Type.ToLowerInvariant(), MonthlyFee)
                {
                    Location = Location,
                    Address = PlainValues.FromTable(Address, nameof(Address)),
                    Requirements = Requirement?.Select(item => PlainValues.FromTable(item, nameof(Requirement))!).ToArray(),
                };
                if (purchase.Problem() is string problem) throw new ArgumentException(problem);
            }
            catch (ArgumentException e)
            {
                Refuse(ErrorRecords.InvalidArgument(new ArgumentException(e.Message + " Nothing was bought."), "MhInvalidPurchase", number), fromPipeline: MyInvocation.ExpectingInput);
                return;
            }
            var details = new List<string> { $"{purchase.CountryCode} {purchase.Type}", $"monthly fee {purchase.MonthlyFee.ToString(CultureInfo.InvariantCulture)}, billed every month until the number is released" };
            if (purchase.Location is not null) details.Add($"location '{purchase.Location}'");
            if (purchase.Address is not null) details.Add("with an address");
            if (purchase.Requirements is not null) details.Add($"{purchase.Requirements.Count} requirement(s)");
            Send(new WriteIntent<PhoneNumber>(number, ("phone number", "phone numbers"), number, "Buy phone number: " + string.Join(", ", details),
                (shownAs, workspace) => purchase.Request(workspace))
            {
                PassThru = true,
            });
        }
    }
}
