using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TableFlow;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers typed flow classes (<c>[TableFlow]</c> partial classes) as services.</summary>
public static class TableFlowBuilderExtensions
{
    /// <summary>
    /// Makes a flow class injectable: <c>AddTableFlow().AddFlow&lt;PoReconciliation&gt;()</c>. The flow is
    /// <b>transient</b>: each resolution makes a new instance (it is a thin wrapper over the one shared
    /// <see cref="TableFlowClient"/>), so its constructor may take scoped services, such as a <c>DbContext</c>, as well
    /// as singletons like <c>ILogger&lt;T&gt;</c>. It is built by <see cref="ActivatorUtilities"/>, which takes the
    /// constructor with the most parameters the container can provide (or the one marked
    /// <see cref="ActivatorUtilitiesConstructorAttribute"/>). Registering the same flow twice keeps the first registration.
    /// </summary>
    /// <typeparam name="TFlow">A class marked <c>[TableFlow("…")]</c>.</typeparam>
    /// <param name="builder">What <see cref="TableFlowServiceCollectionExtensions.AddTableFlow"/> returned.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TFlow"/> is not marked <c>[TableFlow]</c>, or is abstract.</exception>
    public static ITableFlowBuilder AddFlow<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFlow>(this ITableFlowBuilder builder)
        where TFlow : class
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        var type = typeof(TFlow);
        if (!type.IsDefined(typeof(TableFlowAttribute), inherit: false))
        {
            throw new ArgumentException(
                $"{type.FullName} is not a flow class: AddFlow<T>() takes a partial class marked [TableFlow(\"<flow id>\")], whose generated RunAsync it makes injectable. Register other services with the IServiceCollection methods.",
                nameof(TFlow));
        }

        if (type.IsAbstract)
        {
            throw new ArgumentException($"{type.FullName} is abstract; AddFlow<T>() needs a class it can construct.", nameof(TFlow));
        }

        builder.Services.TryAddTransient(static services => ActivatorUtilities.CreateInstance<TFlow>(services));
        return builder;
    }
}
