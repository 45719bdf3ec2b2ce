using System;

namespace TableFlow;

/// <summary>Excludes a property of a <see cref="TableFlowAttribute"/> class from the flow's file fields.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class FlowIgnoreAttribute : Attribute
{
}
