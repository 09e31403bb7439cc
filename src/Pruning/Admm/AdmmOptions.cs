namespace Robustness.Pruning.Admm;

/// <summary>ADMM baseline settings (Zhang et al., "A systematic DNN weight pruning framework using ADMM").</summary>
/// <param name="Rho">Initial penalty coefficient ρ.</param>
/// <param name="UpdateEvery">Epochs between Z/U updates.</param>
/// <param name="RhoGrowth">ρ is multiplied by this after every Z/U update (1 = fixed ρ).</param>
/// <param name="MaxRho">Upper bound of a growing ρ.</param>
public sealed record AdmmOptions(double Rho = 0.1, int UpdateEvery = 2, double RhoGrowth = 1.0, double MaxRho = 10)
{
    public void Validate()
    {
        if (!(Rho > 0)) throw new ArgumentOutOfRangeException(nameof(Rho), Rho, "ADMM rho must be > 0");
        if (UpdateEvery < 1) throw new ArgumentOutOfRangeException(nameof(UpdateEvery), UpdateEvery, "ADMM updateEvery must be >= 1");
        if (!(RhoGrowth >= 1)) throw new ArgumentOutOfRangeException(nameof(RhoGrowth), RhoGrowth, "ADMM rhoGrowth must be >= 1");
    }
}
