using System.Text;

namespace IdeogramJobs.Api.Tests.Robustness;

/// <summary>
/// A fixed list of malformed requests over every documented operation: absurd ids in every path
/// parameter, malformed and mistyped bodies, wrong content types, broken multipart forms, odd
/// headers and bad query values. The list depends only on the document and the targets, so a
/// failure repeats.
/// </summary>
public static class HostileRequests
{
    private const string Json = "application/json";
    private const string Boundary = "hostile-boundary";
    private const string ExecutePath = "/api/jobs/execute";

    /// <summary>
    /// Values no id is: signs, overflow, fractions, words, escapes, other scripts' digits, traversal.
    /// Not %00: Kestrel refuses a NUL in the path before the application sees the request.
    /// </summary>
    private static readonly (string Label, string Value)[] AbsurdIds =
    [
        ("zero", "0"),
        ("negative", "-1"),
        ("long minimum", "-9223372036854775808"),
        ("long maximum", "9223372036854775807"),
        ("past long", "9223372036854775808"),
        ("huge", "99999999999999999999999999"),
        ("word", "abc"),
        ("fraction", "1.5"),
        ("exponent", "1e3"),
        ("hex", "0x1F"),
        ("space", "%20"),
        ("snowman", "%E2%98%83"),
        ("Arabic-Indic digits", "%D9%A1%D9%A2"),
        ("full-width digit", "%EF%BC%91"),
        ("SQL", "1%3BDROP%20TABLE%20ssnews_jobs"),
        ("traversal", "..%2F..%2Fetc%2Fpasswd"),
        ("dots", "%2E%2E"),
        ("placeholder", "%7BjobId%7D"),
        ("2000 digits", new string('9', 2000)),
    ];

    /// <summary>Paths under /media/ that name no file of ours.</summary>
    private static readonly (string Label, string Value)[] MediaPaths =
    [
        ("parent folders", "..%2F..%2F..%2Fetc%2Fpasswd"),
        ("parent segments", "a/../../b.png"),
        ("absolute", "%2Fetc%2Fpasswd"),
        ("backslashes", "..%5C..%5Cwindows"),
        ("no extension", "abc"),
        ("unknown extension", "abc.exe"),
        ("control character in name", "a%01.png"),
    ];

    private static readonly (string Label, string Value)[] BadQueryValues =
    [
        ("negative", "-1"),
        ("zero", "0"),
        ("past int", "99999999999"),
        ("word", "abc"),
        ("exponent", "1e3"),
        ("empty", ""),
        ("NUL", "%00"),
        ("snowman", "%E2%98%83"),
        ("3000 characters", new string('x', 3000)),
        ("impossible date", "2030-13-45"),
        ("year one", "0001-01-01"),
        ("end of time", "9999-12-31T23:59:59Z"),
        ("offset past fourteen hours", "2025-01-01T00:00:00%2B99:00"),
        ("boolean", "maybe"),
        ("list", "approved,rejected"),
    ];

    private static readonly string[] BadLastEventIds =
        ["abc", "-1", "0", "1.5", "", " ", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1, 2", "\t5", "0x10"];

    private static readonly string[] BadIdempotencyKeys = ["", " ", "\t", new string('k', 256), new string('k', 8000), "a\tb", "\"quoted\"", "ключ"];

    private static readonly string[] OddAccepts =
        ["text/html", "application/xml", "image/png", "*/*;q=0", "application/json;q=0", "garbage", "text/event-stream", "application/problem+xml"];

    public static IReadOnlyList<HostileRequest> For(IReadOnlyList<DocumentedOperation> operations, HostileTargets targets)
    {
        var requests = new List<HostileRequest>();
        foreach (var operation in operations)
        {
            requests.AddRange(WithAbsurdIds(operation, targets));
            requests.AddRange(WithBadQueries(operation, targets));
            if (operation.SendsBody)
            {
                requests.AddRange(MalformedBodies(operation.ReadsBody).Select(body => Send(operation, targets, body.Label, body.Content, body.ContentType)));
            }

            requests.Add(new HostileRequest("undocumented method", "PATCH", Real(operation, targets), targets.KeyFor(operation.PathTemplate), []));
        }

        var bodyTargets = operations.Where(o => o.PathTemplate is ExecutePath or "/api/jobs/configurations" or "/api/ideogram/v3/generate");
        foreach (var operation in bodyTargets.Where(o => o.SendsBody))
        {
            requests.AddRange(BrokenForms().Select(form => Send(operation, targets, form.Label, form.Content, form.ContentType)));
        }

        // Only execute takes bodies this large; elsewhere the server cuts the upload off at its 1 MB limit.
        requests.Add(new HostileRequest(
            "form value of 4.5 MB", "POST", ExecutePath, targets.AccountKey, [],
            Multipart(Part("form-data; name=\"prompt\"", new string('x', 4_500_000))), $"multipart/form-data; boundary={Boundary}"));

        requests.AddRange(BadHeaders(targets));
        return requests;
    }

    private static IEnumerable<HostileRequest> WithAbsurdIds(DocumentedOperation operation, HostileTargets targets)
    {
        foreach (var parameter in operation.PathParameters)
        {
            foreach (var (label, value) in AbsurdIds.Concat(parameter.Contains("path", StringComparison.Ordinal) ? MediaPaths : []))
            {
                var path = operation.Fill(p => p == parameter ? value : targets.RealValue(p));
                yield return new HostileRequest(
                    $"{parameter}: {label}", operation.Method, path, targets.KeyFor(path), [],
                    operation.SendsBody ? "{}"u8.ToArray() : null, operation.SendsBody ? Json : null);
            }
        }
    }

    private static IEnumerable<HostileRequest> WithBadQueries(DocumentedOperation operation, HostileTargets targets)
    {
        var path = Real(operation, targets);
        foreach (var parameter in operation.QueryParameters)
        {
            foreach (var (label, value) in BadQueryValues)
            {
                yield return new HostileRequest($"query {parameter}: {label}", operation.Method, $"{path}?{parameter}={value}", targets.KeyFor(path), []);
            }

            yield return new HostileRequest($"query {parameter} twice", operation.Method, $"{path}?{parameter}=1&{parameter}=2", targets.KeyFor(path), []);
        }
    }

    /// <summary>Bodies sent to every POST and PUT; one over the 1 MB limit only where the operation reads its body.</summary>
    private static IEnumerable<(string Label, byte[] Content, string? ContentType)> MalformedBodies(bool read)
    {
        yield return ("empty JSON body", [], Json);
        yield return ("unclosed object", Utf8("{"), Json);
        yield return ("lone closing brace", Utf8("}"), Json);
        yield return ("null body", Utf8("null"), Json);
        yield return ("array body", Utf8("[]"), Json);
        yield return ("number body", Utf8("42"), Json);
        yield return ("string body", Utf8("\"text\""), Json);
        yield return ("missing value", Utf8("{\"prompt\":}"), Json);
        yield return ("single quotes", Utf8("{'prompt':'x'}"), Json);
        yield return ("trailing comma", Utf8("{\"prompt\":\"x\",}"), Json);
        yield return ("comment", Utf8("{/* note */}"), Json);
        yield return ("5000 nested arrays", Utf8(new string('[', 5000) + new string(']', 5000)), Json);
        yield return ("64 nested objects", Utf8(string.Concat(Enumerable.Repeat("{\"overrides\":", 64)) + "1" + new string('}', 64)), Json);
        yield return ("lone surrogate", Utf8("{\"prompt\":\"\\uD800\",\"name\":\"\\uDFFF\"}"), Json);
        yield return ("invalid UTF-8", [.. Utf8("{\"prompt\":\""), 0xFF, 0xFE, 0xC3, .. Utf8("\"}")], Json);
        yield return ("byte order mark", [0xEF, 0xBB, 0xBF, .. Utf8("{}")], Json);
        yield return ("duplicate keys", Utf8("{\"prompt\":\"a\",\"prompt\":\"b\",\"name\":\"a\",\"name\":\"b\"}"), Json);
        yield return ("numbers out of range", Utf8("{\"priority\":1e400,\"configId\":99999999999999999999,\"waitSeconds\":-99999999999,\"jobsPerMinute\":1e10}"), Json);
        yield return ("NaN", Utf8("{\"priority\":NaN,\"jobsPerDay\":Infinity}"), Json);
        yield return ("wrong types", Utf8(
            """
            {"jobType":5,"configId":"seven","prompt":[],"overrides":"x","priority":"high","name":{},"role":7,"imageIds":"1,2",
             "status":3,"jobTypeName":[],"displayName":false,"defaultSettings":"x","uiSchema":5,"isActive":"yes","executionOrder":"first",
             "jobsPerMinute":"many","waitSeconds":true,"settings":[],"organizationSlug":1,"accountSlug":null}
            """), Json);
        yield return ("all nulls", Utf8(
            """{"jobType":null,"configId":null,"prompt":null,"overrides":null,"imageIds":null,"status":null,"name":null,"role":null,"defaultSettings":null,"uiSchema":null}"""), Json);
        yield return ("control characters", Utf8("{\"prompt\":\"a\\u0000b\\u001f\",\"name\":\"\\u0007\",\"jobTypeName\":\"\\u0000\"}"), Json);
        yield return ("unknown fields", Utf8("{\"__proto__\":{\"admin\":true},\"constructor\":1,\"$type\":\"System.Object\"}"), Json);
        yield return ("lone surrogates in overrides", Utf8(
            """{"jobType":"blog_header","prompt":"x","overrides":{"negativePrompt":"\uD800","\uDFFF":1}}"""), Json);
        yield return ("lone surrogate in settings", Utf8("""{"prompt":"x","settings":{"negativePrompt":"\uD800"}}"""), Json);
        yield return ("invalid UTF-8 in overrides", [.. Utf8("{\"jobType\":\"blog_header\",\"prompt\":\"x\",\"overrides\":{\"negativePrompt\":\""), 0xC3, 0x28, .. Utf8("\"}}")], Json);
        yield return ("ids of every kind", Utf8("{\"imageIds\":[-1,0,9223372036854775807,\"1\",null,1.5],\"status\":\"approvedish\"}"), Json);
        yield return ("no ids", Utf8("{\"imageIds\":[],\"status\":\"approved\"}"), Json);
        yield return ("mistyped overrides", Utf8("{\"jobType\":\"blog_header\",\"prompt\":\"x\",\"overrides\":{\"numImages\":\"four\",\"aspectRatio\":[],\"colorPalette\":{\"members\":\"red\"}}}"), Json);
        yield return ("mistyped settings", Utf8("{\"jobTypeName\":\"x\",\"displayName\":\"x\",\"defaultSettings\":{\"numImages\":-5,\"styleCodes\":[1]},\"uiSchema\":{\"fields\":[{\"name\":null,\"type\":7}]}}"), Json);
        yield return ("500 KB string", Utf8("{\"prompt\":\"" + new string('x', 500_000) + "\"}"), Json);
        if (read)
        {
            // Where nothing reads it, the server answers at once and closes the connection while the upload goes on.
            yield return ("over the body limit", Utf8("{\"prompt\":\"" + new string('x', 1_200_000) + "\"}"), Json);
        }

        yield return ("unknown charset", Utf8("{}"), "application/json; charset=bogus");
        yield return ("charset that does not match", Utf8("{\"prompt\":\"x\"}"), "application/json; charset=utf-32");
        yield return ("text/plain", Utf8("{}"), "text/plain");
        yield return ("XML", Utf8("<job><prompt>x</prompt></job>"), "application/xml");
        yield return ("no content type", Utf8("{}"), null);
        yield return ("malformed URL-encoded form", Utf8("a=1&b=%ZZ&=&&%"), "application/x-www-form-urlencoded");
        yield return ("garbage content type", Utf8("{}"), ";;;");
        yield return ("JSON suffix type", Utf8("{"), "application/vnd.hostile+json");
    }

    private static IEnumerable<(string Label, byte[] Content, string ContentType)> BrokenForms()
    {
        var form = $"multipart/form-data; boundary={Boundary}";
        var prompt = Part("form-data; name=\"prompt\"", "a lantern");
        yield return ("multipart without a boundary", Multipart(prompt), "multipart/form-data");
        yield return ("multipart with an empty boundary", Multipart(prompt), "multipart/form-data; boundary=");
        var longBoundary = new string('b', 200);
        yield return ("boundary over 128 characters", Utf8($"--{longBoundary}\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nx\r\n--{longBoundary}--\r\n"), $"multipart/form-data; boundary={longBoundary}");
        yield return ("part without Content-Disposition", Utf8($"--{Boundary}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--{Boundary}--\r\n"), form);
        yield return ("part with a malformed Content-Disposition", Multipart(Part("garbage;;;=\"", "hello")), form);
        yield return ("part that is not form-data", Multipart(Part("attachment; name=\"prompt\"", "hello")), form);
        yield return ("part without a name", Multipart(Part("form-data", "hello")), form);
        yield return ("truncated part", Utf8($"--{Boundary}\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhel"), form);
        yield return ("truncated part headers", Utf8($"--{Boundary}\r\nContent-Disposition: form-da"), form);
        yield return ("no closing boundary", Utf8($"--{Boundary}\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhello\r\n"), form);
        yield return ("no parts", Utf8($"--{Boundary}--\r\n"), form);
        yield return ("empty multipart body", [], form);
        yield return ("boundary never used", Utf8("just some text"), form);
        yield return ("field name of 5000 characters", Multipart(Part($"form-data; name=\"{new string('n', 5000)}\"", "x")), form);
        yield return ("part headers of 20 KB", Utf8($"--{Boundary}\r\nContent-Disposition: form-data; name=\"prompt\"\r\nX-Pad: {new string('p', 20_000)}\r\n\r\nx\r\n--{Boundary}--\r\n"), form);
        yield return ("1100 fields", Multipart([.. Enumerable.Range(0, 1100).Select(i => Part($"form-data; name=\"f{i}\"", "x"))]), form);
        yield return ("file without a name", Multipart(Part("form-data; name=\"styleReferenceImages\"; filename=\"\"", "\u0089PNG")), form);
        yield return ("GIF as a reference image", Multipart(Part("form-data; name=\"styleReferenceImages\"; filename=\"a.gif\"", "GIF89a")), form);
        yield return ("mistyped fields", Multipart(
            Part("form-data; name=\"jobType\"", "Robert');--"),
            Part("form-data; name=\"configId\"", "abc"),
            Part("form-data; name=\"priority\"", "1e9"),
            Part("form-data; name=\"overrides\"", "{not json"),
            Part("form-data; name=\"prompt\"", "")), form);
        yield return ("URL-encoded with a bad escape", Utf8("jobType=blog_header&prompt=%ZZ&priority=%"), "application/x-www-form-urlencoded");
        yield return ("URL-encoded key of 3000 characters", Utf8(new string('k', 3000) + "=1"), "application/x-www-form-urlencoded");
        yield return ("multipart/mixed", Multipart(prompt), $"multipart/mixed; boundary={Boundary}");
    }

    private static IEnumerable<HostileRequest> BadHeaders(HostileTargets targets)
    {
        var events = $"/api/jobs/{targets.JobId}/events";
        foreach (var id in BadLastEventIds)
        {
            yield return new HostileRequest($"Last-Event-ID '{id}'", "GET", events, targets.AccountKey, [("Last-Event-ID", id)]);
        }

        yield return new HostileRequest("two Last-Event-IDs", "GET", events, targets.AccountKey, [("Last-Event-ID", "1"), ("Last-Event-ID", "2")]);

        var submission = Utf8("{\"jobType\":\"blog_header\",\"prompt\":\"an idempotency probe\",\"overrides\":{\"numImages\":1}}");
        foreach (var path in new[] { ExecutePath, "/api/ideogram/v3/generate-with-overrides" })
        {
            foreach (var key in BadIdempotencyKeys)
            {
                yield return new HostileRequest($"Idempotency-Key of {key.Length} characters", "POST", path, targets.AccountKey, [("Idempotency-Key", key)], submission, Json);
            }

            yield return new HostileRequest("two Idempotency-Keys", "POST", path, targets.AccountKey, [("Idempotency-Key", "a"), ("Idempotency-Key", "b")], submission, Json);
        }

        // Refusals of every kind (400, 401, 403, 404, 405) asked for in media types a problem is not.
        var refusals = new (string Case, string Method, string Path, string? Key, byte[]? Body)[]
        {
            ("malformed body", "POST", ExecutePath, targets.AccountKey, Utf8("{")),
            ("no key", "GET", "/api/jobs", null, null),
            ("account key on admin route", "GET", "/api/admin/accounts", targets.AccountKey, null),
            ("unknown job", "GET", "/api/jobs/1/status", targets.AccountKey, null),
            ("unknown media file", "GET", "/media/none.png", null, null),
            ("wrong method", "DELETE", "/api/jobs", targets.AccountKey, null),
            ("unknown path", "GET", "/api/nothing-here", targets.AccountKey, null),
        };
        foreach (var (label, method, path, key, body) in refusals)
        {
            foreach (var accept in OddAccepts)
            {
                yield return new HostileRequest($"{label}, Accept {accept}", method, path, key, [("Accept", accept)], body, body is null ? null : Json);
            }
        }

        var longKey = "ijk_" + new string('z', 600);
        var authorizations = new (string Case, (string, string)[] Headers)[]
        {
            ("Bearer without a key", [("Authorization", "Bearer")]),
            ("Bearer with spaces only", [("Authorization", "Bearer    ")]),
            ("Basic credentials", [("Authorization", "Basic Zm9vOmJhcg==")]),
            ("key with a space", [("Authorization", "Bearer ijk_a b")]),
            ("key of 600 characters", [("Authorization", "Bearer " + longKey)]),
            ("unknown key", [("Authorization", "Bearer ijk_unknown_key_for_hostile_tests")]),
            ("two Authorization headers", [("Authorization", "Bearer a"), ("Authorization", "Bearer b")]),
            ("X-Api-Key of 600 characters", [("X-Api-Key", longKey)]),
            ("empty X-Api-Key", [("X-Api-Key", "")]),
            ("unknown scheme", [("Authorization", "Negotiate abc")]),
        };
        foreach (var path in new[] { "/api/jobs", "/api/admin/accounts", "/api/jobs/configurations" })
        {
            foreach (var (label, headers) in authorizations)
            {
                yield return new HostileRequest(label, "GET", path, null, headers);
            }
        }

        foreach (var account in new[] { "", "../x", new string('a', 65), "a b", "ünïcode", targets.OtherAccountId + "," + targets.OtherAccountId })
        {
            yield return new HostileRequest($"admin acting on X-Account-Id of {account.Length} characters", "GET", "/api/jobs", targets.AdminKey, [("X-Account-Id", account)]);
        }

        yield return new HostileRequest("two X-Account-Ids", "GET", "/api/jobs", targets.AdminKey, [("X-Account-Id", "a"), ("X-Account-Id", "b")]);
    }

    private static HostileRequest Send(DocumentedOperation operation, HostileTargets targets, string label, byte[] content, string? contentType)
    {
        var path = Real(operation, targets);
        return new HostileRequest(label, operation.Method, path, targets.KeyFor(path), [], content, contentType);
    }

    private static string Real(DocumentedOperation operation, HostileTargets targets) => operation.Fill(targets.RealValue);

    private static string Part(string disposition, string value) => $"Content-Disposition: {disposition}\r\n\r\n{value}";

    private static byte[] Multipart(params string[] parts) =>
        Utf8(string.Concat(parts.Select(p => $"--{Boundary}\r\n{p}\r\n")) + $"--{Boundary}--\r\n");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
