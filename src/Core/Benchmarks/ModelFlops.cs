using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Robustness.Core.Benchmarks;

/// <summary>
/// Multiply-add FLOPs (2 per MAC) of one forward pass, counted from the shapes every Conv2d and Linear sees
/// during a traced forward on the model's device and dtype. Other layers (BN, activations, pooling) are ignored: they are memory-bound.
/// </summary>
public static class ModelFlops
{
    public static double ForwardPerImage(nn.Module<Tensor, Tensor> model, long[] imageShape)
    {
        double flops = 0;
        var hooks = new List<Action>();
        foreach (var module in model.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    var convHook = conv.register_forward_hook((m, input, output) =>
                    {
                        var w = conv.weight!.shape; // [out, in/groups, kh, kw]
                        flops += 2.0 * output.shape[1] * output.shape[2] * output.shape[3] * w[1] * w[2] * w[3];
                        return output;
                    });
                    hooks.Add(convHook.remove);
                    break;
                case Linear linear:
                    var linearHook = linear.register_forward_hook((m, input, output) =>
                    {
                        flops += 2.0 * linear.weight!.shape[0] * linear.weight!.shape[1];
                        return output;
                    });
                    hooks.Add(linearHook.remove);
                    break;
            }
        }
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var training = model.training;
            model.eval();
            var weight = model.parameters().FirstOrDefault();
            model.call(zeros([1, .. imageShape], dtype: weight?.dtype ?? float32, device: weight?.device ?? CPU));
            if (training) model.train();
        }
        finally
        {
            foreach (var remove in hooks) remove();
        }
        return flops;
    }
}
