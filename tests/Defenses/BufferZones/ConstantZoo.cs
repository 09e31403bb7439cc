using Robustness.Core.Data;
using Robustness.Core.Models;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.BufferZones;

/// <summary>A zoo whose model for input size s always answers <c>labelOf(s)</c>; and a trainer that trains nothing.</summary>
internal sealed class ConstantZoo(Func<int, long> labelOf) : IModelZoo
{
    public IReadOnlyList<string> Ids => ["constant"];

    public nn.Module<Tensor, Tensor> Create(string modelId, ModelSpec spec) =>
        new ConstantModule(spec.OutputCount, labelOf(spec.InputSize ?? spec.Dataset.Height));

    private sealed class ConstantModule : nn.Module<Tensor, Tensor>
    {
        private readonly int outputs;
        private readonly long label;

        public ConstantModule(int outputs, long label) : base(nameof(ConstantModule))
        {
            this.outputs = outputs;
            this.label = label;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) =>
            nn.functional.one_hot(full(input.shape[0], label, int64), outputs).to_type(float32);
    }
}

internal sealed class NoTraining : INetworkTrainer
{
    public string VariantId => DenseVariant.VariantId;

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data) =>
        new("none", true, 0, 0, 0, new Dictionary<string, double>());
}
