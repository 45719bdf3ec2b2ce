namespace TableFlow.Benchmarks.Requests;

/// <summary>What one run request uploads.</summary>
public enum Payload
{
    /// <summary>Two files of 10 KiB (<c>purchase_order</c> and <c>invoice</c>): the per-request overhead dominates.</summary>
    TwoFiles10KiB,

    /// <summary>One file of 10 MiB (<c>scan</c>): the copy into the socket dominates.</summary>
    OneFile10MiB,
}
