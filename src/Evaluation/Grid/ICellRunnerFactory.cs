namespace Robustness.Evaluation.Grid;

/// <summary>
/// Registered in DI by projects that compute cell kinds (the protocol's transfer and white-box cells); the
/// session gives them the run's shared fitted defenses and provenance.
/// </summary>
public interface ICellRunnerFactory
{
    ICellRunner Create(FittedDefenses defenses, Provenance provenance);
}
