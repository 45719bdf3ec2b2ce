using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace TableFlow.Testing.Tests;

/// <summary>
/// A multipart body written byte for byte the way <c>curl -F</c> writes it (captured from curl 7.88): its boundary
/// style, <c>Content-Type</c> only on file parts, bare text parts.
/// </summary>
internal sealed class CurlForm
{
    private const string Boundary = "------------------------611f38d51376e0f4";
    private readonly List<byte> _body = new();

    public CurlForm File(string name, string fileName, byte[] content, string contentType = "application/pdf")
    {
        Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
        _body.AddRange(content);
        Append("\r\n");
        return this;
    }

    public CurlForm Text(string name, string value)
    {
        Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        return this;
    }

    public HttpContent ToContent()
    {
        var bytes = new List<byte>(_body);
        bytes.AddRange(Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"));
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }

    private void Append(string text) => _body.AddRange(Encoding.UTF8.GetBytes(text));
}
