using System;
using System.IO;

namespace TableFlow.Http;

/// <summary>Reading a file to upload failed while the run request was being sent (not the network).</summary>
internal sealed class FileReadException : IOException
{
    public FileReadException(string fileName, Exception innerException)
        : base($"Could not read file '{fileName}' while sending it: {innerException.Message}", innerException)
        => FileName = fileName;

    public string FileName { get; }
}
