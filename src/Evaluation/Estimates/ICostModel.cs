using Robustness.Evaluation.Grid;

namespace Robustness.Evaluation.Estimates;

/// <summary>Predicted seconds of what no recorded timing covers yet.</summary>
internal interface ICostModel
{
    /// <summary>The cell's own work (predictions, attack), training excluded.</summary>
    /// <param name="computesExamples">False for a pure black-box transfer cell whose examples an earlier cell of the same process makes.</param>
    double CellSeconds(GridCell cell, bool computesExamples);

    /// <summary>Training the unit's networks, as if nothing were in the artefact store.</summary>
    double TrainingSeconds(TrainingUnit unit);

    /// <summary>True for a defense built on the shared undefended backbone with no sizeable network of its own.</summary>
    bool SharesBackbone(string defense);
}
