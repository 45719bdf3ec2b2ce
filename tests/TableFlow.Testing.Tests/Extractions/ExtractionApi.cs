using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

/// <summary>Raw HTTP calls to the emulator's extraction endpoints, answers read as JSON, for tests that check the wire shapes.</summary>
internal sealed class ExtractionApi(HttpClient http)
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% a tiny test document\n%%EOF\n");

    public static CurlForm Form(string templateId = "auto", string fileName = "invoice.pdf", byte[]? content = null, string contentType = "application/pdf")
        => new CurlForm().File("file", fileName, content ?? Pdf, contentType).Text("template_id", templateId);

    public async Task<JsonElement> UploadAsync(CurlForm form)
    {
        using var response = await http.PostAsync("v2/extractions/upload", form.ToContent());
        return await JsonAsync(response, 200);
    }

    public async Task<(int Status, JsonElement Body)> TryUploadAsync(CurlForm form)
    {
        using var response = await http.PostAsync("v2/extractions/upload", form.ToContent());
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<JsonElement> GetAsync(string path, int expectedStatus = 200)
    {
        using var response = await http.GetAsync(path);
        return await JsonAsync(response, expectedStatus);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"Expected {expectedStatus}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

/// <summary>Small readers for JSON assertions.</summary>
internal static class Json
{
    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static JsonElement At(this JsonElement e, params string[] path)
    {
        foreach (var name in path) e = e.GetProperty(name);
        return e;
    }
}
