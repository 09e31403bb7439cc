using Robustness.Core.Data;
using Robustness.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robustness.Evaluation.Grid;

/// <summary>Passes every request to the real trainer and remembers each network's artefact hash (provenance).</summary>
public sealed class RecordingNetworkTrainer(INetworkTrainer inner) : INetworkTrainer
{
    private readonly Dictionary<string, string> weights = [];

    public string VariantId => inner.VariantId;

    /// <summary>"owner/role" → artefact hash, for every network trained or loaded so far.</summary>
    public IReadOnlyDictionary<string, string> Weights
    {
        get
        {
            lock (weights) return new Dictionary<string, string>(weights);
        }
    }

    public TrainingReport TrainOrLoad(NetworkRequest request, nn.Module<Tensor, Tensor> network, LabeledImages data)
    {
        var report = inner.TrainOrLoad(request, network, data);
        lock (weights) weights[$"{request.Owner}/{request.Role}"] = report.ArtefactHash;
        return report;
    }
}
