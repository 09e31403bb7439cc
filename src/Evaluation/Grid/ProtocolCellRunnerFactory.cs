namespace Robustness.Evaluation.Grid;

/// <summary>Registers the protocol's transfer and white-box cells with every evaluation session.</summary>
public sealed class ProtocolCellRunnerFactory(IServiceProvider services) : ICellRunnerFactory
{
    public ICellRunner Create(FittedDefenses defenses, Provenance provenance) => new ProtocolCellRunner(services, defenses, provenance);
}
