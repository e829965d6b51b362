using System;
using System.Collections.Generic;

namespace Mindhunters.Api
{
    /// <summary>ISO 3166-1 alpha-2 codes with English short names (from Debian's iso-codes), for completion.</summary>
    internal static class CountryCodes
    {
        public static readonly IReadOnlyDictionary<string, string> All = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AD"] = "Andorra",
            ["AE"] = "United Arab Emirates",
            ["AF"] = "Afghanistan",
            ["AG"] = "Antigua and Barbuda",
            ["AI"] = "Anguilla",
            ["AL"] = "Albania",
            ["AM"] = "Armenia",
            ["AO"] = "Angola",
            ["AQ"] = "Antarctica",
            ["AR"] = "Argentina",
            ["AS"] = "American Samoa",
            ["AT"] = "Austria",
            ["AU"] = "Australia",
            ["AW"] = "Aruba",
            ["AX"] = "Åland Islands",
            ["AZ"] = "Azerbaijan",
            ["BA"] = "Bosnia and Herzegovina",
            ["BB"] = "Barbados",
            ["BD"] = "Bangladesh",
            ["BE"] = "Belgium",
            ["BF"] = "Burkina Faso",
            ["BG"] = "Bulgaria",
            ["BH"] = "Bahrain",
            ["BI"] = "Burundi",
            ["BJ"] = "Benin",
            ["BL"] = "Saint Barthélemy",
            ["BM"] = "Bermuda",
            ["BN"] = "Brunei Darussalam",
            ["BO"] = "Bolivia",
            ["BQ"] = "Bonaire, Sint Eustatius and Saba",
            ["BR"] = "Brazil",
            ["BS"] = "Bahamas",
            ["BT"] = "Bhutan",
            ["BV"] = "Bouvet Island",
            ["BW"] = "Botswana",
            ["BY"] = "Belarus",
            ["BZ"] = "Belize",
            ["CA"] = "Canada",
            ["CC"] = "Cocos (Keeling) Islands",
            ["CD"] = "Congo, The Democratic Republic of the",
            ["CF"] = "Central African Republic",
            ["CG"] = "Congo",
            ["CH"] = "Switzerland",
            ["CI"] = "Côte d'Ivoire",
            ["CK"] = "Cook Islands",
            ["CL"] = "Chile",
            ["CM"] = "Cameroon",
            ["CN"] = "China",
            ["CO"] = "Colombia",
            ["CR"] = "Costa Rica",
            ["CU"] = "Cuba",
            ["CV"] = "Cabo Verde",
            ["CW"] = "Curaçao",
            ["CX"] = "Christmas Island",
            ["CY"] = "Cyprus",
            ["CZ"] = "Czechia",
            ["DE"] = "Germany",
            ["DJ"] = "Djibouti",
            ["DK"] = "Denmark",
            ["DM"] = "Dominica",
            ["DO"] = "Dominican Republic",
            ["DZ"] = "Algeria",
            ["EC"] = "Ecuador",
            ["EE"] = "Estonia",
            ["EG"] = "Egypt",
            ["EH"] = "Western Sahara",
            ["ER"] = "Eritrea",
            ["ES"] = "Spain",
            ["ET"] = "Ethiopia",
            ["FI"] = "Finland",
            ["FJ"] = "Fiji",
            ["FK"] = "Falkland Islands (Malvinas)",
            ["FM"] = "Micronesia, Federated States of",
            ["FO"] = "Faroe Islands",
            ["FR"] = "France",
            ["GA"] = "Gabon",
            ["GB"] = "United Kingdom",
            ["GD"] = "Grenada",
            ["GE"] = "Georgia",
            ["GF"] = "French Guiana",
            ["GG"] = "Guernsey",
            ["GH"] = "Ghana",
            ["GI"] = "Gibraltar",
            ["GL"] = "Greenland",
            ["GM"] = "Gambia",
            ["GN"] = "Guinea",
            ["GP"] = "Guadeloupe",
            ["GQ"] = "Equatorial Guinea",
            ["GR"] = "Greece",
            ["GS"] = "South Georgia and the South Sandwich Islands",
            ["GT"] = "Guatemala",
            ["GU"] = "Guam",
            ["GW"] = "Guinea-Bissau",
            ["GY"] = "Guyana",
            ["HK"] = "Hong Kong",
            ["HM"] = "Heard Island and McDonald Islands",
            ["HN"] = "Honduras",
            ["HR"] = "Croatia",
            ["HT"] = "Haiti",
            ["HU"] = "Hungary",
            ["ID"] = "Indonesia",
            ["IE"] = "Ireland",
            ["IL"] = "Israel",
            ["IM"] = "Isle of Man",
            ["IN"] = "India",
            ["IO"] = "British Indian Ocean Territory",
            ["IQ"] = "Iraq",
            ["IR"] = "Iran",
            ["IS"] = "Iceland",
            ["IT"] = "Italy",
            ["JE"] = "Jersey",
            ["JM"] = "Jamaica",
            ["JO"] = "Jordan",
            ["JP"] = "Japan",
            ["KE"] = "Kenya",
            ["KG"] = "Kyrgyzstan",
            ["KH"] = "Cambodia",
            ["KI"] = "Kiribati",
            ["KM"] = "Comoros",
            ["KN"] = "Saint Kitts and Nevis",
            ["KP"] = "North Korea",
            ["KR"] = "South Korea",
            ["KW"] = "Kuwait",
            ["KY"] = "Cayman Islands",
            ["KZ"] = "Kazakhstan",
            ["LA"] = "Laos",
            ["LB"] = "Lebanon",
            ["LC"] = "Saint Lucia",
            ["LI"] = "Liechtenstein",
            ["LK"] = "Sri Lanka",
            ["LR"] = "Liberia",
            ["LS"] = "Lesotho",
            ["LT"] = "Lithuania",
            ["LU"] = "Luxembourg",
            ["LV"] = "Latvia",
            ["LY"] = "Libya",
            ["MA"] = "Morocco",
            ["MC"] = "Monaco",
            ["MD"] = "Moldova",
            ["ME"] = "Montenegro",
            ["MF"] = "Saint Martin (French part)",
            ["MG"] = "Madagascar",
            ["MH"] = "Marshall Islands",
            ["MK"] = "North Macedonia",
            ["ML"] = "Mali",
            ["MM"] = "Myanmar",
            ["MN"] = "Mongolia",
            ["MO"] = "Macao",
            ["MP"] = "Northern Mariana Islands",
            ["MQ"] = "Martinique",
            ["MR"] = "Mauritania",
            ["MS"] = "Montserrat",
            ["MT"] = "Malta",
            ["MU"] = "Mauritius",
            ["MV"] = "Maldives",
            ["MW"] = "Malawi",
            ["MX"] = "Mexico",
            ["MY"] = "Malaysia",
            ["MZ"] = "Mozambique",
            ["NA"] = "Namibia",
            ["NC"] = "New Caledonia",
            ["NE"] = "Niger",
            ["NF"] = "Norfolk Island",
            ["NG"] = "Nigeria",
            ["NI"] = "Nicaragua",
            ["NL"] = "Netherlands",
            ["NO"] = "Norway",
            ["NP"] = "Nepal",
            ["NR"] = "Nauru",
            ["NU"] = "Niue",
            ["NZ"] = "New Zealand",
            ["OM"] = "Oman",
            ["PA"] = "Panama",
            ["PE"] = "Peru",
            ["PF"] = "French Polynesia",
            ["PG"] = "Papua New Guinea",
            ["PH"] = "Philippines",
            ["PK"] = "Pakistan",
            ["PL"] = "Poland",
            ["PM"] = "Saint Pierre and Miquelon",
            ["PN"] = "Pitcairn",
            ["PR"] = "Puerto Rico",
            ["PS"] = "Palestine, State of",
            ["PT"] = "Portugal",
            ["PW"] = "Palau",
            ["PY"] = "Paraguay",
            ["QA"] = "Qatar",
            ["RE"] = "Réunion",
            ["RO"] = "Romania",
            ["RS"] = "Serbia",
            ["RU"] = "Russian Federation",
            ["RW"] = "Rwanda",
            ["SA"] = "Saudi Arabia",
            ["SB"] = "Solomon Islands",
            ["SC"] = "Seychelles",
            ["SD"] = "Sudan",
            ["SE"] = "Sweden",
            ["SG"] = "Singapore",
            ["SH"] = "Saint Helena, Ascension and Tristan da Cunha",
            ["SI"] = "Slovenia",
            ["SJ"] = "Svalbard and Jan Mayen",
            ["SK"] = "Slovakia",
            ["SL"] = "Sierra Leone",
            ["SM"] = "San Marino",
            ["SN"] = "Senegal",
            ["SO"] = "Somalia",
            ["SR"] = "Suriname",
            ["SS"] = "South Sudan",
            ["ST"] = "Sao Tome and Principe",
            ["SV"] = "El Salvador",
            ["SX"] = "Sint Maarten (Dutch part)",
            ["SY"] = "Syria",
            ["SZ"] = "Eswatini",
            ["TC"] = "Turks and Caicos Islands",
            ["TD"] = "Chad",
            ["TF"] = "French Southern Territories",
            ["TG"] = "Togo",
            ["TH"] = "Thailand",
            ["TJ"] = "Tajikistan",
            ["TK"] = "Tokelau",
            ["TL"] = "Timor-Leste",
            ["TM"] = "Turkmenistan",
            ["TN"] = "Tunisia",
            ["TO"] = "Tonga",
            ["TR"] = "Türkiye",
            ["TT"] = "Trinidad and Tobago",
            ["TV"] = "Tuvalu",
            ["TW"] = "Taiwan",
            ["TZ"] = "Tanzania",
            ["UA"] = "Ukraine",
            ["UG"] = "Uganda",
            ["UM"] = "United States Minor Outlying Islands",
            ["US"] = "United States",
            ["UY"] = "Uruguay",
            ["UZ"] = "Uzbekistan",
            ["VA"] = "Holy See (Vatican City State)",
            ["VC"] = "Saint Vincent and the Grenadines",
            ["VE"] = "Venezuela",
            ["VG"] = "Virgin Islands, British",
            ["VI"] = "Virgin Islands, U.S.",
            ["VN"] = "Vietnam",
            ["VU"] = "Vanuatu",
            ["WF"] = "Wallis and Futuna",
            ["WS"] = "Samoa",
            ["YE"] = "Yemen",
            ["YT"] = "Mayotte",
            ["ZA"] = "South Africa",
            ["ZM"] = "Zambia",
            ["ZW"] = "Zimbabwe",
        };

        // Codes people type that ISO 3166-1 does not assign, with the one they mean: UK is exceptionally reserved
        // for the United Kingdom, whose code is GB; EL is the European Union's abbreviation for Greece, GR.
        private static readonly IReadOnlyDictionary<string, string> UsualSlips = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["UK"] = "GB",
            ["EL"] = "GR",
        };

        /// <summary>
        /// Null when <paramref name="text"/> is an assigned alpha-2 code in any case; otherwise what is wrong with it,
        /// in words for the user, with the code they probably meant for the usual slips (UK for GB, USA for US).
        /// </summary>
        public static string? Problem(string text)
        {
            if (text.Length == 3 && CountryAlpha3.ToAlpha2.TryGetValue(text.ToUpperInvariant(), out string? alpha2))
            {
                return $"'{text}' is an ISO 3166-1 alpha-3 code, where the API takes the two-letter code; did you mean {alpha2} ({All[alpha2]})?";
            }
            if (text.Length != 2 || !IsAsciiLetter(text[0]) || !IsAsciiLetter(text[1]))
            {
                return $"'{text}' is not a two-letter ISO 3166-1 country code. Give one such as US, GB or DE (press Tab to complete).";
            }
            string code = text.ToUpperInvariant();
            if (All.ContainsKey(code)) return null;
            if (UsualSlips.TryGetValue(code, out string? meant))
            {
                return $"'{text}' is not an ISO 3166-1 country code; did you mean {meant} ({All[meant]})?";
            }
            return $"'{text}' is not an ISO 3166-1 country code assigned to a country, so nothing would match it. Give one such as US, GB or DE (press Tab to complete from a code or a country name).";
        }

        /// <summary>A code as the API's examples write it and as it is sent: "US".</summary>
        public static string Normalize(string code) => code.Trim().ToUpperInvariant();

        private static bool IsAsciiLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        /// <summary>
        /// Codes that start with <paramref name="typed"/>, then (from three letters on) the countries whose name starts
        /// with it, then those whose name contains it: "ger" offers Germany before Algeria and Niger. All when empty.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, string>> Matching(string typed)
        {
            var namePrefix = new List<KeyValuePair<string, string>>();
            var nameContains = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, string> country in All)
            {
                if (country.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) yield return country;
                else if (typed.Length > 2)
                {
                    int at = country.Value.IndexOf(typed, StringComparison.OrdinalIgnoreCase);
                    if (at == 0) namePrefix.Add(country);
                    else if (at > 0) nameContains.Add(country);
                }
            }
            foreach (KeyValuePair<string, string> country in namePrefix) yield return country;
            foreach (KeyValuePair<string, string> country in nameContains) yield return country;
        }
    }
}
