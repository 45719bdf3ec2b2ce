using System;

namespace TableFlow.Tests.Webhooks;

/// <summary>A clock stopped at one instant, so Svix's fixed test vectors (signed in 2021) fall inside the five-minute window.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock AtUnixSeconds(long seconds) => new(DateTimeOffset.FromUnixTimeSeconds(seconds));

    public override DateTimeOffset GetUtcNow() => now;
}
