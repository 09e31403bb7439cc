using System.Text.Json;
using System.Text.Json.Nodes;
using Robustness.Attacks;
using Robustness.Attacks.Adversaries;
using Robustness.Core.Profiles;
using Robustness.Defenses;
using Robustness.Defenses.Adp;
using Robustness.Defenses.Bart;
using Robustness.Defenses.BufferZones;
using Robustness.Defenses.ComDefend;
using Robustness.Defenses.DistributionClassifier;
using Robustness.Defenses.Ecoc;
using Robustness.Defenses.FeatureDistillation;
using Robustness.Defenses.KWta;
using Robustness.Defenses.OddsAreOdd;
using Robustness.Evaluation.Protocol;
using Robustness.Pruning;

namespace Robustness.Evaluation.Fidelity;

/// <summary>
/// The option records' defaults behind each profiles.json section: what a profile runs when it leaves a setting
/// out (the paper profile leaves most out). Lets the shrinkage of a profile be read against the paper profile.
/// </summary>
internal static class OptionDefaults
{
    private static readonly Dictionary<string, Func<object>> BySection = new(StringComparer.Ordinal)
    {
        [ProtocolOptions.SectionName] = () => new ProtocolOptions(),
        [AdversaryOptions.SectionName] = () => new AdversaryOptions(),
        [PruningVariantFactory.ProfileSection] = () => new PruningOptions(),
        [$"attacks.{AttackIds.Fgsm}"] = () => new FgsmOptions(),
        [$"attacks.{AttackIds.IterativeFgsm}"] = () => new IterativeFgsmOptions(),
        [$"attacks.{AttackIds.MomentumIterativeFgsm}"] = () => new MomentumIterativeFgsmOptions(),
        [$"attacks.{AttackIds.Pgd}"] = () => new PgdOptions(),
        [$"attacks.{AttackIds.CarliniWagnerL2}"] = () => new CarliniWagnerL2Options(),
        [$"attacks.{AttackIds.ElasticNet}"] = () => new ElasticNetAttackOptions(),
        [$"defenses.{DefenseIds.Bart}"] = () => new BartOptions(),
        [$"defenses.{DefenseIds.FeatureDistillation}"] = () => new FeatureDistillationOptions(),
        [$"defenses.{DefenseIds.ComDefend}"] = () => new ComDefendOptions(),
        [$"defenses.{DefenseIds.Adp}"] = () => new AdpOptions(),
        [$"defenses.{DefenseIds.Ecoc}"] = () => new EcocOptions(),
        [$"defenses.{DefenseIds.KWta}"] = () => new KWtaOptions(),
        [$"defenses.{DefenseIds.OddsAreOdd}"] = () => new OddsAreOddOptions(),
        [$"defenses.{DefenseIds.DistributionClassifier}"] = () => new DistributionClassifierOptions(),
        [$"defenses.{DefenseIds.Buzz8}"] = BufferZonesOptions.Buzz8,
        [$"defenses.{DefenseIds.Buzz2}"] = BufferZonesOptions.Buzz2,
    };

    public static IEnumerable<string> Sections => BySection.Keys;

    /// <summary>The defaults of <paramref name="section"/> as profiles.json would spell them; null when no option record is known.</summary>
    public static JsonObject? For(string section)
    {
        if (!BySection.TryGetValue(section, out var create)) return null;
        var defaults = create();
        return JsonSerializer.SerializeToNode(defaults, defaults.GetType(), ProfileJson.Options)!.AsObject();
    }
}
