using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Defenses.Tests.InputTransformSupport;

/// <summary>Delegates to a real <see cref="INetworkTrainer"/> and records every request and report.</summary>
public sealed class RecordingTrainer(INetworkTrainer inner) : INetworkTrainer
{
    public List<(NetworkRequest Request, TrainingReport Report)> Calls { get; } = [];

    public IEnumerable<NetworkRequest> Requests => Calls.Select(c => c.Request);

    public string VariantId => inner.VariantId;

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        var report = inner.TrainOrLoad(request, network, data);
        Calls.Add((request, report));
        return report;
    }
}
