using System;
using System.Collections.Generic;
using System.Globalization;

namespace TableFlow;

/// <summary>Describes one file field of a typed flow, as declared by a property of a <see cref="TableFlowAttribute"/> class.</summary>
public sealed class FlowFieldInfo
{
    /// <summary>Creates a field description.</summary>
    /// <param name="key">The form key (for example <c>purchase_order</c>).</param>
    /// <param name="propertyName">The name of the declaring property.</param>
    /// <param name="required">Whether a run needs this file.</param>
    /// <param name="multiple">Whether the field takes several files (sent as <c>key_1</c>, <c>key_2</c>, …).</param>
    /// <param name="defaultGuidance">Guidance sent when a call passes none, or <see langword="null"/>.</param>
    public FlowFieldInfo(string key, string propertyName, bool required, bool multiple, string? defaultGuidance)
        : this(key, propertyName, required, multiple, defaultGuidance, fileTypes: null, maxFileSize: null)
    {
    }

    /// <summary>Creates a field description that also carries the field's limits from its flow definition.</summary>
    /// <param name="key">The form key (for example <c>purchase_order</c>).</param>
    /// <param name="propertyName">The name of the declaring property.</param>
    /// <param name="required">Whether a run needs this file.</param>
    /// <param name="multiple">Whether the field takes several files (sent as <c>key_1</c>, <c>key_2</c>, …).</param>
    /// <param name="defaultGuidance">Guidance sent when a call passes none, or <see langword="null"/>.</param>
    /// <param name="fileTypes">The field's <c>file_types</c> (<c>pdf</c>, <c>image</c>, <c>xlsx</c>, …), or <see langword="null"/> when unknown.</param>
    /// <param name="maxFileSize">The field's <c>max_file_size</c> in bytes, or <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFileSize"/> is negative.</exception>
    public FlowFieldInfo(string key, string propertyName, bool required, bool multiple, string? defaultGuidance, IReadOnlyList<string>? fileTypes, long? maxFileSize)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        PropertyName = propertyName ?? throw new ArgumentNullException(nameof(propertyName));
        if (maxFileSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFileSize), maxFileSize, $"The max_file_size of field '{key}' cannot be negative.");
        }

        Required = required;
        Multiple = multiple;
        DefaultGuidance = defaultGuidance;
        FileTypes = fileTypes is null ? null : Copy(fileTypes);
        MaxFileSize = maxFileSize;
    }

    /// <summary>The form key.</summary>
    public string Key { get; }

    /// <summary>The name of the declaring property.</summary>
    public string PropertyName { get; }

    /// <summary>Whether a run needs this file.</summary>
    public bool Required { get; }

    /// <summary>Whether the field takes several files.</summary>
    public bool Multiple { get; }

    /// <summary>Guidance sent when a call passes none, or <see langword="null"/>.</summary>
    public string? DefaultGuidance { get; }

    /// <summary>
    /// The file types the field takes (its <c>file_types</c>: <c>pdf</c>, <c>image</c>, <c>xlsx</c>, <c>xls</c>,
    /// <c>csv</c>, <c>tsv</c>, <c>jpg</c>, <c>png</c>, <c>webp</c>, <c>tiff</c>, or an extension), or
    /// <see langword="null"/> when unknown (the flow is not in the definition file, or the field names none).
    /// </summary>
    public IReadOnlyList<string>? FileTypes { get; }

    /// <summary>The largest file the field takes, in bytes (its <c>max_file_size</c>), or <see langword="null"/> when unknown.</summary>
    public long? MaxFileSize { get; }

    /// <summary>
    /// Checks <paramref name="file"/> against the field's limits before anything is sent: its size against
    /// <see cref="MaxFileSize"/> and its type against <see cref="FileTypes"/>. A file matches a type by its name's
    /// extension or by its content type (<c>image</c> takes any <c>image/*</c>; <c>jpeg</c> and <c>tif</c> mean
    /// <c>jpg</c> and <c>tiff</c>; a value the API does not name is taken as an extension). A limit that is
    /// <see langword="null"/> is not checked.
    /// </summary>
    /// <remarks>
    /// The size is checked only when it is known before sending: a file from a path, from bytes, or from a seekable
    /// stream. A <see cref="FlowFile.FromStream"/> file over a stream that cannot seek has no known length, so it is
    /// checked by its name and content type only; the service refuses it if it turns out too large.
    /// </remarks>
    /// <param name="file">The file to check.</param>
    /// <param name="parameterName">The parameter the file was given as, used as the exception's <see cref="ArgumentException.ParamName"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The file is larger than <see cref="MaxFileSize"/> or not of one of the <see cref="FileTypes"/>; the message
    /// names the field's key, the limit and the file.
    /// </exception>
    public void Validate(FlowFile file, string? parameterName = null)
    {
        if (file is null) throw new ArgumentNullException(parameterName ?? nameof(file), $"No file was given for field '{Key}'.");

        if (MaxFileSize is { } limit && file.Length is { } length && length > limit)
        {
            throw new ArgumentException(
                $"File '{file.FileName}' for field '{Key}' is {Bytes(length)}, over the field's max_file_size of {Bytes(limit)}; send a smaller file.",
                parameterName);
        }

        if (FileTypes is { Count: > 0 } types && !FlowFileTypes.Accepts(types, file.FileName, file.ContentType))
        {
            throw new ArgumentException(
                $"File '{file.FileName}' ({file.ContentType}) for field '{Key}' is not an accepted type: the field's file_types are {FlowFileTypes.Describe(types)}.",
                parameterName);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PropertyName} ({Key}{(Multiple ? ", multiple" : "")}{(Required ? ", required" : ", optional")})";

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " byte" : " bytes");

    private static IReadOnlyList<string> Copy(IReadOnlyList<string> fileTypes)
    {
        var copy = new string[fileTypes.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = fileTypes[i] ?? throw new ArgumentException("The file types cannot hold null.", nameof(fileTypes));
        }

        return Array.AsReadOnly(copy);
    }
}
