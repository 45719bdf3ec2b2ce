using System;

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
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        PropertyName = propertyName ?? throw new ArgumentNullException(nameof(propertyName));
        Required = required;
        Multiple = multiple;
        DefaultGuidance = defaultGuidance;
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

    /// <inheritdoc/>
    public override string ToString() => $"{PropertyName} ({Key}{(Multiple ? ", multiple" : "")}{(Required ? ", required" : ", optional")})";
}
