using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow;

/// <summary>
/// The untyped content of a flow run: files by form key, per-field metadata and guidance, and the run's name and
/// metadata. Generated <c>RunAsync</c> methods build one and pass it to <see cref="TableFlowClient.RunFlowAsync"/>;
/// build one by hand for flows without a typed declaration.
/// </summary>
/// <remarks>Every check happens as the request is built, before anything is sent.</remarks>
public sealed class FlowRunRequest
{
    private readonly List<FlowRunField> _fields = new();

    /// <summary>An optional label for the run, shown in the TableFlow dashboard (form field <c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Optional run metadata (form field <c>metadata</c>), returned with the run and in webhooks.</summary>
    public JsonObject? Metadata { get; set; }

    /// <summary>The file fields added so far, in the order they will be sent.</summary>
    public IReadOnlyList<FlowRunField> Fields => _fields;

    /// <summary>Adds a single-file field, sent as the part <paramref name="key"/>.</summary>
    /// <param name="key">The field's form key, such as <c>purchase_order</c>.</param>
    /// <param name="file">The file.</param>
    /// <param name="metadata">Optional metadata for the file's extraction, sent as <c>{key}_metadata</c>.</param>
    /// <param name="guidance">Optional extraction hints, sent as <c>{key}_guidance</c>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The key is not a valid form key, was already added, or collides with a name the request uses: <c>name</c>,
    /// <c>metadata</c>, or another field's <c>{key}_metadata</c>, <c>{key}_guidance</c> or <c>{key}_{n}</c>.
    /// </exception>
    public FlowRunRequest AddFile(string key, FlowFile file, JsonObject? metadata = null, string? guidance = null)
    {
        if (file is null) throw new ArgumentNullException(nameof(file), $"The file for field '{key}' is null.");
        Add(new FlowRunField(ValidateKey(key), new[] { file }, multiple: false, metadata, guidance));
        return this;
    }

    /// <summary>Adds a field that takes several files, sent as the parts <c>{key}_1</c>, <c>{key}_2</c>, … in order.</summary>
    /// <param name="key">The field's form key, such as <c>attachments</c>.</param>
    /// <param name="files">The files, at least one.</param>
    /// <param name="metadata">Optional metadata for the field's extraction, sent as <c>{key}_metadata</c>.</param>
    /// <param name="guidance">Optional extraction hints, sent as <c>{key}_guidance</c>.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// No file was given, one of them is <see langword="null"/>, or the key is invalid, already added, or collides with
    /// a name the request uses: <c>name</c>, <c>metadata</c>, or another field's <c>{key}_metadata</c>,
    /// <c>{key}_guidance</c> or <c>{key}_{n}</c>.
    /// </exception>
    public FlowRunRequest AddFiles(string key, IEnumerable<FlowFile> files, JsonObject? metadata = null, string? guidance = null)
    {
        if (files is null) throw new ArgumentNullException(nameof(files), $"The files for field '{key}' are null.");
        var list = new List<FlowFile>(files);
        if (list.Count == 0) throw new ArgumentException($"Field '{key}' needs at least one file; none was given.", nameof(files));
        return AddMultiple(key, list, metadata, guidance, nameof(files), $"field '{key}'");
    }

    /// <summary>
    /// Adds a field that takes several files as a generated <c>RunAsync</c> does: errors name the caller's parameter
    /// <paramref name="parameterName"/>, and an empty sequence for an optional field adds nothing (the field's metadata
    /// and guidance included), since there is no file for them to describe.
    /// </summary>
    /// <param name="key">The field's form key, such as <c>attachments</c>.</param>
    /// <param name="files">The files; at least one when <paramref name="required"/>.</param>
    /// <param name="metadata">Optional metadata for the field's extraction, sent as <c>{key}_metadata</c>.</param>
    /// <param name="guidance">Optional extraction hints, sent as <c>{key}_guidance</c>.</param>
    /// <param name="required">Whether the flow needs at least one file for this field.</param>
    /// <param name="parameterName">The caller's parameter that holds <paramref name="files"/>, named by the exceptions.</param>
    /// <returns>This request, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A required field got no file, one of the files is <see langword="null"/>, or the key is invalid or already added.
    /// </exception>
    public FlowRunRequest AddFiles(string key, IEnumerable<FlowFile> files, JsonObject? metadata, string? guidance, bool required, string parameterName)
    {
        if (files is null) throw new ArgumentNullException(parameterName, $"The files for field '{key}' are null.");
        var list = new List<FlowFile>(files);
        if (list.Count == 0)
        {
            if (!required) return this;
            throw new ArgumentException($"The flow's required field '{key}' needs at least one file, but '{parameterName}' is empty.", parameterName);
        }

        return AddMultiple(key, list, metadata, guidance, parameterName, $"field '{key}' ('{parameterName}')");
    }

    /// <summary>Adds a multi-file field whose files were counted; a <see langword="null"/> file is named as "File n of <paramref name="what"/>".</summary>
    private FlowRunRequest AddMultiple(string key, List<FlowFile> list, JsonObject? metadata, string? guidance, string parameterName, string what)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null) throw new ArgumentException($"File {i + 1} of {what} is null.", parameterName);
        }

        Add(new FlowRunField(ValidateKey(key), list.ToArray(), multiple: true, metadata, guidance));
        return this;
    }

    /// <summary>Fails, naming the file, when one cannot be sent now; called before any network I/O.</summary>
    internal void EnsureSendable()
    {
        foreach (var field in _fields)
        {
            foreach (var file in field.Files) file.EnsureSendable();
        }
    }

    /// <summary>Why the request could not be sent again after a first attempt, or <see langword="null"/> when it can.</summary>
    internal string? CannotResendReason()
    {
        foreach (var field in _fields)
        {
            foreach (var file in field.Files)
            {
                if (!file.CanReplay)
                {
                    return $"The run request was not sent again: file '{file.FileName}' of field '{field.Key}' comes from a stream that cannot seek and was already read. Pass a seekable stream, a path or bytes to let the client retry.";
                }
            }
        }

        return null;
    }

    // Every key rule comes from FlowNames, the file the generator (TF0005, TF0006) and the emulator compile too.
    private void Add(FlowRunField field)
    {
        var keys = new List<(string Key, bool Multiple)>(_fields.Count + 1);
        foreach (var existing in _fields)
        {
            if (string.Equals(existing.Key, field.Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Field '{field.Key}' was already added to this request.", "key");
            }

            keys.Add((existing.Key, existing.Multiple));
        }

        keys.Add((field.Key, field.Multiple));
        if (FlowNames.CollisionProblemWith(keys, keys.Count - 1) is { } collision)
        {
            var hint = Array.IndexOf(FlowNames.ReservedKeys, field.Key) >= 0
                ? "Set the run's own name and metadata with the Name and Metadata properties."
                : "A field's metadata and guidance go in the metadata and guidance arguments of AddFile and AddFiles; give each file field a key of its own.";
            throw new ArgumentException($"The field key '{field.Key}' cannot be used: {collision}. {hint}", "key");
        }

        _fields.Add(field);
    }

    /// <summary>Checks that <paramref name="key"/> can stand as a multipart form field name.</summary>
    internal static string ValidateKey(string key)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (FlowNames.FormKeyProblem(key) is { } problem)
        {
            throw new ArgumentException($"The field key '{FlowNames.Printable(key)}' is not a valid form field name: {problem}.", nameof(key));
        }

        return key;
    }
}
