using System;
using System.Security.Cryptography;
using System.Text;

namespace TableFlow.Testing;

/// <summary>One file part the emulator received with a run request, byte for byte.</summary>
public sealed class EmulatedFile
{
    internal EmulatedFile(string partName, string fieldKey, int? index, string fileName, string contentType, byte[] content)
    {
        PartName = partName;
        FieldKey = fieldKey;
        Index = index;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>The form field name of the part: <c>purchase_order</c>, or <c>attachments_2</c> for a multi-file field.</summary>
    public string PartName { get; }

    /// <summary>The key of the flow's file field the part belongs to (<c>attachments</c> for <c>attachments_2</c>).</summary>
    public string FieldKey { get; }

    /// <summary>The 1-based position in a multi-file field; <see langword="null"/> for a single-file field.</summary>
    public int? Index { get; }

    /// <summary>The file name the part carried.</summary>
    public string FileName { get; }

    /// <summary>The part's <c>Content-Type</c> (<c>application/octet-stream</c> when it sent none).</summary>
    public string ContentType { get; }

    /// <summary>The bytes received.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The number of bytes received.</summary>
    public long Length => Content.Length;

    /// <summary>The SHA-256 of <see cref="Content"/>, as lowercase hex.</summary>
    public string Sha256 { get; }

    /// <summary>The content decoded as UTF-8, for text fixtures.</summary>
    /// <returns>The text.</returns>
    public string ReadAsString() => Encoding.UTF8.GetString(Content.Span);

    /// <inheritdoc/>
    public override string ToString() => $"{PartName}: {FileName} ({ContentType}, {Length} bytes, sha256 {Sha256})";
}
