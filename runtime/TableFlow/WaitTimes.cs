using System;

namespace TableFlow;

/// <summary>The one rule for the times a wait takes (<see cref="FlowRunWaitOptions"/>, <see cref="ExtractionWaitOptions"/>).</summary>
internal static class WaitTimes
{
    /// <summary>
    /// The value when a wait can use it: zero or more and under about 24 days (what <c>Task.Delay</c> and
    /// <c>CancelAfter</c> take), or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> when <paramref name="allowInfinite"/>.
    /// </summary>
    public static TimeSpan? Check(TimeSpan? value, string type, string name, bool allowInfinite)
    {
        if (value is not { } span) return null;
        if (allowInfinite && span == System.Threading.Timeout.InfiniteTimeSpan) return span;
        if (span < TimeSpan.Zero || span.TotalMilliseconds > int.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(
                name,
                span,
                $"{type}.{name} is {span}; it must be zero or more and under 24 days{(allowInfinite ? " (or Timeout.InfiniteTimeSpan to wait without a limit)" : "")}.");
        }

        return span;
    }
}
