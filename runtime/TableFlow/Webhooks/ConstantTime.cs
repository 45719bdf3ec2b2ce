using System;
#if !NET
using System.Runtime.CompilerServices;
#endif

namespace TableFlow;

/// <summary>Comparison whose time depends only on the lengths, so a forger learns nothing from how long a refusal takes.</summary>
internal static class ConstantTime
{
#if NET
    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
        => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(left, right);
#else
    // The same shape as CryptographicOperations.FixedTimeEquals, which netstandard2.0 lacks: no early exit, and
    // kept from being inlined or optimised into one that has one.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool Equal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length) return false;
        var difference = 0;
        for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
        return difference == 0;
    }
#endif
}
