using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>
/// A key made of the characters escaping changes (<c>+</c>, <c>/</c>, <c>=</c>) never shows up in an exception: not
/// as written, not escaped (JSON, URL, HTML, base64), not as a fragment where an excerpt is cut or a body ends.
/// </summary>
public sealed class SecretRedactionTests
{
    private const string Key = "Zq+8v/Kp=Xw3+Rt7/Jm9=Hb2+Nf6/Lc4==";

    /// <summary>Every form of the key a server or proxy might echo.</summary>
    public static TheoryData<string> Forms => new()
    {
        "literal", "json-stj", "json-solidus", "json-lowercase", "json-twice", "url", "url-lowercase", "url-twice",
        "html-decimal", "html-hex", "base64-basic", "base64", "base64url-shifted-1", "base64url-shifted-2",
    };

    private static string Form(string form) => form switch
    {
        "literal" => Key,
        "json-stj" => JsonSerializer.Serialize(Key).Trim('"'),                 // \u002B for +
        "json-solidus" => JsonSerializer.Serialize(Key).Trim('"').Replace("/", "\\/"),
        "json-lowercase" => JsonSerializer.Serialize(Key).Trim('"').Replace("\\u002B", "\\u002b").Replace("\\u003D", "\\u003d"),
        "json-twice" => JsonSerializer.Serialize(JsonSerializer.Serialize(Key)).Trim('"'),
        "url" => Uri.EscapeDataString(Key),
        "url-lowercase" => Uri.EscapeDataString(Key).Replace("%2B", "%2b").Replace("%2F", "%2f").Replace("%3D", "%3d"),
        "url-twice" => Uri.EscapeDataString(Uri.EscapeDataString(Key)),
        "html-decimal" => string.Concat(Key.Select(c => char.IsLetterOrDigit(c) ? c.ToString() : $"&#{(int)c};")),
        "html-hex" => string.Concat(Key.Select(c => char.IsLetterOrDigit(c) ? c.ToString() : $"&#x{(int)c:X};")),
        "base64-basic" => Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Key)),
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(Key)),
        "base64url-shifted-1" => Convert.ToBase64String(Encoding.UTF8.GetBytes("a" + Key + "b")).Replace('+', '-').Replace('/', '_'),
        "base64url-shifted-2" => Convert.ToBase64String(Encoding.UTF8.GetBytes("ab" + Key)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
        _ => throw new InvalidOperationException(form),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Key_echoed_in_any_escaped_form_is_masked_everywhere(string form)
    {
        var echoed = Form(form);
        await using var server = await LoopbackServer.StartAsync(c => c.Request.Path.Value switch
        {
            "/v2/flows/runs/text" => Respond.Text(c, 500, "text/plain", $"upstream said: Authorization: Bearer {echoed} (rejected)"),
            "/v2/flows/runs/json" => Respond.Json(c, 400, $$"""{"error": "Bad key {{echoed}}", "message": "got {{echoed}}"}"""),
            "/v2/flows/runs/redirect" => Redirect(c, "https://elsewhere.example/login?key=" + echoed),
            _ => Respond.Text(c, 200, "application/json", "{ not a run, token=" + echoed),
        });
        using var client = Client(server.BaseAddress);

        var failures = new List<Exception>
        {
            await Assert.ThrowsAnyAsync<TableFlowException>(() => client.GetFlowRunAsync("text")),
            await Assert.ThrowsAnyAsync<TableFlowException>(() => client.GetFlowRunAsync("json")),
            await Assert.ThrowsAnyAsync<TableFlowException>(() => client.GetFlowRunAsync("redirect")),
            await Assert.ThrowsAnyAsync<TableFlowException>(() => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[1], "i.pdf")))),
        };

        foreach (var e in failures)
        {
            AssertNoTrace(e, echoed);
            Assert.Contains("[redacted API key]", AllText(e));
        }
    }

    [Theory]
    [InlineData("literal")]
    [InlineData("json-stj")]
    [InlineData("url")]
    [InlineData("html-hex")]
    public async Task Excerpt_cut_at_every_offset_through_the_key_leaves_no_fragment_of_it(string form)
    {
        var echoed = Form(form);
        const int excerpt = 2048;
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            // The key starts `shift` characters before the excerpt's end: from wholly inside to wholly outside it.
            var shift = int.Parse(c.Request.Path.Value!.Split('/').Last()[1..]);
            return Respond.Text(c, 500, "text/plain", new string('x', excerpt - shift) + echoed + " and more text after it");
        });
        using var client = Client(server.BaseAddress);

        for (var shift = -2; shift <= echoed.Length + 2; shift++)
        {
            var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("s" + shift));
            AssertNoTrace(e, echoed);
            Assert.True(e.ResponseBody!.Length <= excerpt + 64, $"excerpt of {e.ResponseBody.Length} characters at shift {shift}");
        }
    }

    [Fact]
    public async Task Body_that_ends_in_the_middle_of_the_key_has_the_fragment_masked()
    {
        await using var server = await LoopbackServer.StartAsync(c =>
        {
            var length = int.Parse(c.Request.Path.Value!.Split('/').Last()[1..]);
            return Respond.Text(c, 502, "text/plain", "proxy log: Bearer " + Key[..length]);
        });
        using var client = Client(server.BaseAddress);

        for (var length = 3; length < Key.Length; length++)
        {
            var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.GetFlowRunAsync("n" + length));
            Assert.DoesNotContain(Key[..length], AllText(e));
            Assert.Contains("Bearer [redacted API key]", e.ResponseBody);
        }
    }

    private static TableFlowClient Client(Uri address)
    {
        var options = TestClients.Options(address);
        options.ApiKey = Key;
        options.MaxRetries = 0;
        return new TableFlowClient(options);
    }

    private static Task Redirect(HttpContext c, string location)
    {
        c.Response.StatusCode = 307;
        c.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static string AllText(Exception exception)
    {
        var text = new StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            text.Append(e).Append('\n').Append(e.Message).Append('\n');
            if (e is TableFlowApiException api) text.Append(api.Error).Append('\n').Append(api.ApiMessage).Append('\n').Append(api.ResponseBody).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Neither the key, nor the echoed form, nor any four characters in a row of the key appear.</summary>
    private static void AssertNoTrace(Exception e, string echoed)
    {
        var text = AllText(e);
        Assert.DoesNotContain(Key, text);
        Assert.DoesNotContain(echoed, text);
        for (var i = 0; i + 4 <= Key.Length; i++) Assert.DoesNotContain(Key.Substring(i, 4), text);
    }
}
