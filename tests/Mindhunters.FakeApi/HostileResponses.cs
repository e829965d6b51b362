using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// A server that misbehaves on purpose, one way per base path: a client whose base URI is a scope's base URI plus
    /// hostile/{mode}/ asks for .../hostile/{mode}/api/v1/phone-numbers and gets that mode's answer (HostileEndpoint
    /// routes it here; the scope records it). Adding a mode is one case below and one entry in <see cref="Modes"/>.
    /// Each mode is one promise of the module under attack: no hang, no memory bomb, no token leak, no endless loop.
    /// Where a mode echoes the token, it is the one the request carried.
    /// </summary>
    internal static class HostileResponses
    {
        /// <summary>Every mode, for --help and for tests that iterate them.</summary>
        public static readonly string[] Modes =
        {
            "stall-401", "stall-200", "gzip-bomb", "gzip-bomb-401", "deflate-bomb", "endless", "many-items", "corrupt-gzip",
            "echo-message", "echo-reason", "echo-reason-503", "echo-location", "echo-data-error", "echo-html", "escapes",
            "same-page", "retry-after-99999999999", "retry-after-999999999999", "retry-after-2147483648", "huge-total", "big-header",
            "every-warning", "shuffled-rates", "evil-number", "always-503", "429-then-204",
            "requirements-bomb", "bomb-pages", "heavy-pages", "big-agents",
        };

        private const int BombInflatedBytes = 64 * 1024 * 1024;
        private static readonly Lazy<byte[]> GzipBomb = new(() => Bomb(s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)));
        private static readonly Lazy<byte[]> DeflateBomb = new(() => Bomb(s => new ZLibStream(s, CompressionLevel.Optimal, leaveOpen: true)));

        public static async Task ServeAsync(HttpContext context, string mode, CancellationToken token)
        {
            string secret = Token(context.Request);
            HttpResponse response = context.Response;
            int page = int.TryParse(context.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : 1;

            // Starts the answer; a body, when there is one, follows.
            void Begin(int status, string contentType = "application/json")
            {
                response.StatusCode = status;
                response.ContentType = contentType;
            }

            switch (mode)
            {
                case "stall-401":
                case "stall-200":
                    int status = mode == "stall-401" ? 401 : 200;
                    Begin(status);
                    response.ContentLength = 1000;
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"success\":false,\"message\":\""), token);
                    await response.Body.FlushAsync(token);
                    await Task.Delay(Timeout.Infinite, token);
                    return;
                case "gzip-bomb":
                case "gzip-bomb-401":
                case "deflate-bomb":
                    // gzip-bomb-401: the bomb is an error body, which the client reads too (for the API's message).
                    int bombStatus = mode == "gzip-bomb-401" ? 401 : 200;
                    Begin(bombStatus);
                    byte[] bomb = mode == "deflate-bomb" ? DeflateBomb.Value : GzipBomb.Value;
                    response.Headers.ContentEncoding = mode == "deflate-bomb" ? "deflate" : "gzip";
                    response.ContentLength = bomb.Length;
                    await response.Body.WriteAsync(bomb, token);
                    return;
                case "endless":
                    Begin(200);
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"success\":true,\"message\":\""), token);
                    byte[] chunk = Encoding.UTF8.GetBytes(new string('a', 64 * 1024));
                    while (!token.IsCancellationRequested) await response.Body.WriteAsync(chunk, token);
                    return;
                case "many-items":
                    // A million items when a page of at most 100 was asked for: 3 MB of JSON, a great many objects.
                    Begin(200);
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"success\":true,\"data\":{\"items\":["), token);
                    byte[] items = Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, "{},", 10_000).ToString());
                    for (int i = 0; i < 100; i++) await response.Body.WriteAsync(items, token);
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{}],\"pagination\":{\"has_more\":false}}}"), token);
                    return;
                case "corrupt-gzip":
                    Begin(200);
                    response.Headers.ContentEncoding = "gzip";
                    byte[] corrupt = { 0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03, 0x13, 0x37, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42 };
                    response.ContentLength = corrupt.Length;
                    await response.Body.WriteAsync(corrupt, token);
                    return;
                case "echo-message":
                    Begin(200);
                    await WriteAsync(response, "{\"success\":true,\"message\":\"Hello " + secret + "\"}", token);
                    return;
                case "echo-reason":
                case "echo-reason-503":
                    int echoed = mode == "echo-reason" ? 401 : 503;
                    Begin(echoed);
                    context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = "Nope " + secret;
                    await WriteAsync(response, "{\"success\":false,\"message\":\"Unauthenticated.\"}", token);
                    return;
                case "echo-location":
                    Begin(302);
                    response.Headers.Location = "http://mallory:" + Uri.EscapeDataString(secret) + "@127.0.0.1:1/steal";
                    response.ContentLength = 0;
                    return;
                case "echo-data-error":
                    Begin(401);
                    await WriteAsync(response, "{\"success\":false,\"message\":\"Unauthenticated.\",\"data\":{\"error\":{\"token\":\"" + JsonEscapeEveryCharacter(secret) + "\"}}}", token);
                    return;
                case "echo-html":
                    Begin(502, "text/html");
                    string filler = new string('x', 190);
                    await WriteAsync(response, "<html><body><p>" + filler + " " + secret + "</p></body></html>", token);
                    return;
                case "escapes":
                    Begin(401);
                    await WriteAsync(response,
                        "{\"success\":false,\"message\":\"\\u001b]0;pwned\\u0007\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007Unauthenticated\\u009b31m.\",\"error\":{\"code\":\"INVALID_AUTH_TOKEN\\u001b[5m\",\"details\":\"bad\\u202etoken\"}}", token);
                    return;
                case "same-page":
                    // Ignores ?page and never ends: the same three items without a uuid, has_more true, no total.
                    Begin(200);
                    await WriteAsync(response,
                        "{\"success\":true,\"data\":{\"items\":[{\"number\":\"+15550000001\"},{\"number\":\"+15550000002\"},{\"number\":\"+15550000003\"}],\"pagination\":{\"has_more\":true}}}", token);
                    return;
                case "retry-after-99999999999":
                case "retry-after-999999999999":
                case "retry-after-2147483648":
                    Begin(429);
                    response.Headers.RetryAfter = mode.Substring("retry-after-".Length);
                    await WriteAsync(response, "{\"success\":false,\"message\":\"Too Many Attempts.\"}", token);
                    return;
                case "huge-total":
                    // An honest two-page listing whose total is 2^63, one more than a long holds.
                    Begin(200);
                    string more = page == 1 ? "true" : "false";
                    await WriteAsync(response,
                        "{\"success\":true,\"data\":{\"items\":[{\"phone_number_uuid\":\"" + new Guid(page, 0, 0, new byte[8]) + "\",\"number\":\"+1555000000" + page + "\"}]," +
                        "\"pagination\":{\"current_page\":" + page + ",\"total\":9223372036854775808,\"has_more\":" + more + "}}}", token);
                    return;
                case "big-header":
                    Begin(200);
                    response.Headers["X-Padding"] = new string('a', 1024 * 1024);
                    await WriteAsync(response, "{\"success\":true,\"data\":{\"items\":[]}}", token);
                    return;
                case "every-warning":
                    // One listing that earns each warning of the module: pages of 10 when 100 were asked for (page 1), a page
                    // that repeats three numbers and a total that grows (page 2), an empty page after has_more (page 3).
                    Begin(200);
                    (int from, int to, int total) = page switch { 1 => (1, 10, 25), 2 => (8, 17, 26), _ => (1, 0, 26) };
                    var numbers = new StringBuilder();
                    for (int i = from; i <= to; i++)
                    {
                        numbers.Append(i == from ? "" : ",").Append("{\"phone_number_uuid\":\"").Append(new Guid(i, 0, 0, new byte[8])).Append("\",\"number\":\"+1555000").Append(i.ToString("D4", CultureInfo.InvariantCulture)).Append("\"}");
                    }
                    await WriteAsync(response, "{\"success\":true,\"data\":{\"items\":[" + numbers + "],\"pagination\":{\"current_page\":" + page +
                        ",\"per_page\":10,\"total\":" + total + ",\"has_more\":true}}}", token);
                    return;
                case "shuffled-rates":
                    // Ignores ?page and never ends: the same 200 rates (no uuid) in a new order each time, has_more true, no total.
                    Begin(200);
                    var rates = Enumerable.Range(0, 200).Select(i => "{\"country_code\":\"DE\",\"destination_prefix\":\"49" + i.ToString(CultureInfo.InvariantCulture) +
                        "\",\"origination\":\"EU\",\"price\":{\"amount\":0.01,\"currency\":\"EUR\"}}").OrderBy(_ => Random.Shared.Next());
                    await WriteAsync(response, "{\"success\":true,\"data\":{\"items\":[" + string.Join(",", rates) + "],\"pagination\":{\"has_more\":true}}}", token);
                    return;
                case "always-503":
                    // Any method: a write that fails on the server's side every time.
                    Begin(503);
                    await WriteAsync(response, "{\"success\":false,\"message\":\"Service Unavailable.\"}", token);
                    return;
                case "429-then-204":
                    // Throttled before anything is done the first time, then done without a body.
                    bool first = !context.Scope().Log.Snapshot().Any(r => r.Path.Contains("/hostile/" + mode, StringComparison.Ordinal));
                    Begin(first ? 429 : 204);
                    if (first) await WriteAsync(response, "{\"success\":false,\"message\":\"Too Many Attempts.\"}", token);
                    return;
                case "requirements-bomb":
                case "bomb-pages":
                    // 30 MB in one page, or 16 pages of 10 MB, each of one number whose compliance.requirements holds
                    // millions of {}: few bytes, a great many objects.
                    bool onePage = mode == "requirements-bomb";
                    Begin(200);
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"success\":true,\"data\":{\"items\":[{\"phone_number_uuid\":\"" +
                        new Guid(page, 0, 0, new byte[8]) + "\",\"compliance\":{\"status\":\"completed\",\"requirements\":["), token);
                    byte[] empties = Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, "{},", 100_000).ToString());
                    for (int i = 0; i < (onePage ? 100 : 33); i++) await response.Body.WriteAsync(empties, token);
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{}]}}],\"pagination\":" + (onePage
                        ? "{\"total\":1,\"has_more\":false}}}"
                        : "{\"current_page\":" + page + ",\"per_page\":1,\"total\":16,\"last_page\":16,\"has_more\":" + (page < 16 ? "true" : "false") + "}}}")), token);
                    return;
                case "heavy-pages":
                    // 16 honest pages of 100 numbers, each page about 10 MB: each number has 10 requirements of 10 KB.
                    Begin(200);
                    byte[] requirements = Encoding.UTF8.GetBytes(string.Join(",",
                        Enumerable.Range(0, 10).Select(i => "{\"document\":\"" + i.ToString("D4", CultureInfo.InvariantCulture) + new string('d', 10_220) + "\"}")));
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"success\":true,\"data\":{\"items\":["), token);
                    for (int i = 1; i <= 100; i++)
                    {
                        await response.Body.WriteAsync(Encoding.UTF8.GetBytes((i == 1 ? "" : ",") + "{\"phone_number_uuid\":\"" + new Guid(page, (short)i, 0, new byte[8]) +
                            "\",\"number\":\"+1555" + (page * 1000 + i).ToString("D6", CultureInfo.InvariantCulture) + "\",\"compliance\":{\"status\":\"completed\",\"requirements\":["), token);
                        await response.Body.WriteAsync(requirements, token);
                        await response.Body.WriteAsync(Encoding.UTF8.GetBytes("]}}"), token);
                    }
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("],\"pagination\":{\"current_page\":" + page + ",\"per_page\":100,\"total\":1600,\"last_page\":16,\"has_more\":" +
                        (page < 16 ? "true" : "false") + "}}}"), token);
                    return;
                case "big-agents":
                    // 40 agents with a prompt of 1 MB each: page 1 at 100 a page is 40 MB. Pages as asked for.
                    int perPage = int.TryParse(context.Request.Query["per_page"], NumberStyles.None, CultureInfo.InvariantCulture, out int pp) && pp > 0 ? pp : 25;
                    int lastPage = (40 + perPage - 1) / perPage;
                    Begin(200);
                    byte[] prompt = Encoding.UTF8.GetBytes(new string('p', 1024 * 1024));
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"success\":true,\"data\":{\"items\":["), token);
                    for (int i = (page - 1) * perPage + 1; i <= Math.Min(page * perPage, 40); i++)
                    {
                        await response.Body.WriteAsync(Encoding.UTF8.GetBytes((i == (page - 1) * perPage + 1 ? "" : ",") + "{\"agent_uuid\":\"" + new Guid(i, 7, 7, new byte[8]) +
                            "\",\"name\":\"Agent " + i + "\",\"custom_prompt\":\""), token);
                        await response.Body.WriteAsync(prompt, token);
                        await response.Body.WriteAsync(Encoding.UTF8.GetBytes("\"}"), token);
                    }
                    await response.Body.WriteAsync(Encoding.UTF8.GetBytes("],\"pagination\":{\"current_page\":" + page + ",\"per_page\":" + perPage + ",\"total\":40,\"last_page\":" + lastPage +
                        ",\"has_more\":" + (page < lastPage ? "true" : "false") + "}}}"), token);
                    return;
                case "evil-number":
                    // A number whose text and destinations carry the token and terminal escapes; a PATCH of it is refused with
                    // a message that carries them too.
                    string evil = JsonEscapeEveryCharacter(secret + " \u001b]0;pwned\u0007\u001b[2J");
                    if (context.Request.Method == "PATCH")
                    {
                        Begin(422);
                        await WriteAsync(response, "{\"success\":false,\"message\":\"Number " + evil + " is locked.\",\"error\":{\"code\":\"VALIDATION_ERROR\",\"field\":\"channel_settings\",\"details\":\"" + evil + "\"}}", token);
                        return;
                    }
                    Begin(200);
                    await WriteAsync(response, "{\"success\":true,\"data\":{\"items\":[{\"phone_number_uuid\":\"00000001-0000-4000-8000-000000000001\",\"number\":\"+15550001 " + evil +
                        "\",\"channel_settings\":{\"voice\":{\"enabled\":true,\"channel_limit\":2,\"whitelisted_destinations\":[\"DE\",\"" + evil + "\"]}}}],\"pagination\":{\"total\":1,\"has_more\":false}}}", token);
                    return;
                default:
                    Begin(404);
                    await WriteAsync(response, "{\"success\":false,\"message\":\"No such hostile mode.\"}", token);
                    return;
            }
        }

        private static string Token(HttpRequest request)
        {
            string header = request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header.Substring(7) : header;
        }

        private static string JsonEscapeEveryCharacter(string text)
        {
            var escaped = new StringBuilder(text.Length * 6);
            foreach (char c in text) escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            return escaped.ToString();
        }

        /// <summary>The whole body, after Begin.</summary>
        private static async Task WriteAsync(HttpResponse response, string body, CancellationToken token)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, token);
        }

        /// <summary>A valid JSON start whose one string inflates to 64 MiB: a few dozen KB on the wire.</summary>
        private static byte[] Bomb(Func<Stream, Stream> compress)
        {
            using var output = new MemoryStream();
            using (Stream zip = compress(output))
            {
                zip.Write(Encoding.UTF8.GetBytes("{\"success\":true,\"message\":\""));
                byte[] block = Encoding.UTF8.GetBytes(new string('a', 1024 * 1024));
                for (int written = 0; written < BombInflatedBytes; written += block.Length) zip.Write(block);
                zip.Write(Encoding.UTF8.GetBytes("\"}"));
            }
            return output.ToArray();
        }
    }
}
