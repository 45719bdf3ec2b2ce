using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TableFlow.Testing.Server;

/// <summary>Writes JSON with <see cref="Utf8JsonWriter"/>: no reflection serializer, so the emulator stays trimming-friendly.</summary>
internal static class JsonText
{
    // The answers are read by people too (curl, logs); they are never embedded in HTML, so quotes and accents stay
    // readable instead of becoming \u0027.
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] WriteUtf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Write(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(WriteUtf8(write));
}
