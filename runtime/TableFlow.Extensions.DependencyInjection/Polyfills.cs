#if !NET
namespace System.Diagnostics.CodeAnalysis;

// The trimming annotation, for the netstandard2.0 build (the trimmer reads it by name; only net10.0 apps are trimmed).
[AttributeUsage(AttributeTargets.GenericParameter | AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property
    | AttributeTargets.ReturnValue | AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Struct, Inherited = false)]
internal sealed class DynamicallyAccessedMembersAttribute(DynamicallyAccessedMemberTypes memberTypes) : Attribute
{
    public DynamicallyAccessedMemberTypes MemberTypes { get; } = memberTypes;
}

[Flags]
internal enum DynamicallyAccessedMemberTypes
{
    PublicConstructors = 0x0003,
}
#endif
