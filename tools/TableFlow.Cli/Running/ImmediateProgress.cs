using System;

namespace TableFlow.Cli.Running;

/// <summary>
/// An <see cref="IProgress{T}"/> that acts on each report at once, on the reporting thread (unlike
/// <see cref="Progress{T}"/>, which posts), so that what a wait reports is printed in order and before it returns.
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
