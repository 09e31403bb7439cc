using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Robustness.Defenses.DistributionClassifier;

/// <summary>
/// The second stage: an ML.NET multiclass SDCA maximum-entropy model over the histogram features. Single-threaded with
/// a fixed seed, so the same features and seed give the same model.
/// </summary>
public sealed class HistogramClassifier
{
    private const string KeyColumn = "LabelKey";

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly SchemaDefinition schema;

    private HistogramClassifier(MLContext ml, ITransformer model, SchemaDefinition schema)
    {
        this.ml = ml;
        this.model = model;
        this.schema = schema;
    }

    /// <param name="features">One row per image, all of the same length.</param>
    /// <param name="labels">Class of each row, in [0, classes).</param>
    public static HistogramClassifier Train(float[][] features, long[] labels, int classes, int seed, int maximumIterations)
    {
        if (features.Length == 0 || features.Length != labels.Length)
            throw new ArgumentException($"need one label per feature row and at least one row, got {features.Length} rows and {labels.Length} labels");
        var bad = labels.FirstOrDefault(l => l < 0 || l >= classes, -1);
        if (labels.Any(l => l < 0 || l >= classes)) throw new ArgumentException($"label {bad} is outside [0, {classes})", nameof(labels));
        var ml = new MLContext(seed);
        var schema = Schema(features[0].Length);
        var rows = features.Select((f, i) => new Row { Features = f, Label = labels[i] });
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var pipeline = ml.Transforms.Conversion.MapValueToKey(KeyColumn, nameof(Row.Label))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = KeyColumn,
                FeatureColumnName = nameof(Row.Features),
                NumberOfThreads = 1,
                MaximumNumberOfIterations = maximumIterations,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(Prediction.PredictedLabel)));
        return new HistogramClassifier(ml, pipeline.Fit(data), schema);
    }

    /// <returns>The predicted class of every row, in [0, classes).</returns>
    public long[] Predict(float[][] features)
    {
        var data = ml.Data.LoadFromEnumerable(features.Select(f => new Row { Features = f, Label = 0 }), schema);
        return ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false)
            .Select(p => p.PredictedLabel)
            .ToArray();
    }

    private static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public long Label { get; set; }
    }

    private sealed class Prediction
    {
        public long PredictedLabel { get; set; }
    }
}
