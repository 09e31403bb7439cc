using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Testing.Placement;

/// <summary>
/// Finds tensors a module tree reads that <c>Module.to(...)</c> does not move: tensor fields of any module in the
/// tree that are not the module's own registered parameter or buffer. After <c>to(float64)</c> (the same mechanism
/// as <c>to(cuda)</c>) such a field still holds the old tensor, so on a GPU the forward mixes devices.
/// </summary>
public static class StaleTensorFields
{
    /// <summary>"Type.field" for every tensor field in the tree that is neither a registered parameter nor buffer
    /// of its module (after a move, a field still pointing at the pre-move tensor shows up here too).</summary>
    public static IReadOnlyList<string> In(nn.Module root)
    {
        var stale = new List<string>();
        foreach (var module in root.modules())
        {
            var registered = module.named_parameters(recurse: false).Select(p => p.parameter.Handle)
                .Concat(module.named_buffers(recurse: false).Select(b => b.buffer.Handle)).ToHashSet();
            foreach (var field in TensorFields(module.GetType()))
            {
                foreach (var tensor in Tensors(field.GetValue(module)))
                    if (!tensor.IsInvalid && !registered.Contains(tensor.Handle))
                        stale.Add($"{module.GetType().Name}.{field.Name}");
            }
        }
        return stale.Distinct().ToList();
    }

    /// <summary>"Type.field (dtype)" for every floating-point tensor reachable from the tree's fields that is not <paramref name="dtype"/>.</summary>
    public static IReadOnlyList<string> NotOfType(nn.Module root, ScalarType dtype) =>
        (from module in root.modules()
         from field in TensorFields(module.GetType())
         from tensor in Tensors(field.GetValue(module))
         where !tensor.IsInvalid && is_floating_point(tensor) && tensor.dtype != dtype
         select $"{module.GetType().Name}.{field.Name} ({tensor.dtype})").Distinct().ToList();

    private static IEnumerable<FieldInfo> TensorFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(nn.Module); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (typeof(Tensor).IsAssignableFrom(field.FieldType) || typeof(IEnumerable<Tensor>).IsAssignableFrom(field.FieldType))
                    yield return field;
    }

    private static IEnumerable<Tensor> Tensors(object? value) => value switch
    {
        Tensor tensor => [tensor],
        IEnumerable<Tensor> tensors => tensors.Where(t => t is not null),
        _ => [],
    };
}
