using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace TableFlow.Tests.Infrastructure;

/// <summary>One part of a multipart request, as ASP.NET Core reads it.</summary>
public sealed record ReceivedPart(string Name, string? FileName, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// Reads a request's multipart body the way an ASP.NET Core server does: <see cref="MultipartReader"/> +
/// <see cref="ContentDispositionHeaderValue"/>, taking the file name as the emulator does (the quoted <c>filename</c>
/// with its quoted-pairs undone, which <see cref="ContentDispositionHeaderValue.FileName"/> leaves in place).
/// </summary>
public static class MultipartParts
{
    public static async Task<List<ReceivedPart>> ReadAsync(HttpRequest request)
    {
        var mediaType = MediaTypeHeaderValue.Parse(request.ContentType);
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!;
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var parts = new List<ReceivedPart>();
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync()) is not null)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : FileName(disposition);
            parts.Add(new ReceivedPart(HeaderUtilities.RemoveQuotes(disposition.Name).Value!, fileName, section.ContentType, body.ToArray()));
        }

        return parts;
    }

    private static string? FileName(ContentDispositionHeaderValue disposition)
    {
        foreach (var parameter in disposition.Parameters)
        {
            if (parameter.Name.Equals("filename", StringComparison.OrdinalIgnoreCase)) return HeaderUtilities.UnescapeAsQuotedString(parameter.Value).Value;
        }

        return null;
    }
}
