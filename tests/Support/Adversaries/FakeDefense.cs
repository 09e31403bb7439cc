using Robustness.Core.Contracts;
using static TorchSharp.torch;

namespace Robustness.Testing.Adversaries;

/// <summary>A hand-made oracle: answers with a function of the images; records every Predict call.</summary>
public sealed class FakeDefense(Func<Tensor, Tensor> predict, string id = "fake", bool canReject = false, int forwardPassesPerQuery = 1) : IFittedDefense
{
    public string Id => id;
    public DefenseTraits Traits { get; } = new(false, canReject, false, forwardPassesPerQuery);
    public int Calls { get; private set; }
    public long ImagesSeen { get; private set; }
    public List<Tensor> Rejected { get; } = [];

    public Tensor Predict(Tensor images)
    {
        Calls++;
        ImagesSeen += images.shape[0];
        var labels = predict(images);
        var rejected = labels.eq(Labels.Reject).nonzero().flatten();
        if (rejected.shape[0] > 0) Rejected.Add(images.index_select(0, rejected).clone().DetachFromDisposeScope());
        return labels;
    }

    /// <summary>An oracle that fails the test if it is ever called.</summary>
    public static FakeDefense Throwing() => new(_ => throw new InvalidOperationException("the defense was queried"), "throwing");

    /// <summary>The arg-max of a classifier, Reject where <paramref name="reject"/> says so.</summary>
    public static FakeDefense FromClassifier(IClassifier classifier, Func<Tensor, Tensor>? reject = null, string id = "fake") =>
        new(images =>
        {
            var labels = classifier.PredictLabels(images);
            return reject is null ? labels : labels.masked_fill(reject(images), Labels.Reject);
        }, id, reject is not null);

    public void Dispose() { }
}
