using Microsoft.Extensions.DependencyInjection;
using Robustness.Core.Contracts;
using Robustness.Core.Profiles;

namespace Robustness.Evaluation.Grid;

/// <summary>
/// Checks what a config names against what this process knows — registered defenses, attacks and adversaries, the
/// profiles file, the profile's test-set size — so an unknown id is one error when the config loads, not a column of
/// failed cells, and a report never states more attacked points than the test set holds.
/// </summary>
internal static class GridConfigReferences
{
    /// <summary>Test images in both CIFAR-10 and Fashion-MNIST; a profile's testLimit may use fewer.</summary>
    public const int OfficialTestImages = 10_000;

    public static void Check(GridConfig config, IServiceProvider services, ProfileCatalog profiles, string source)
    {
        var plugins = services.GetServices<PluginDescriptor>().ToList();
        void Known(PluginKind kind, string field, IEnumerable<string> ids)
        {
            var known = plugins.Where(p => p.Kind == kind).Select(p => p.Id).Distinct().ToList();
            foreach (var id in ids.Where(id => !known.Contains(id)))
                throw new GridConfigException($"Config '{source}': field '{field}' names '{id}', which is not registered ({ClosestName.Hint(id, known)}).");
        }

        Known(PluginKind.Defense, "baseline", [config.Baseline]);
        Known(PluginKind.Defense, "defenses", config.Defenses);
        Known(PluginKind.Attack, "attacks", config.Attacks);
        Known(PluginKind.Adversary, "adversaries", config.Adversaries);

        var profileNames = profiles.Profiles.ToList();
        if (!profileNames.Contains(config.Profile))
            throw new GridConfigException($"Config '{source}': profile '{config.Profile}' is not defined ({ClosestName.Hint(config.Profile, profileNames)}).");
        foreach (var dataset in config.Datasets)
        {
            DatasetProfile profile;
            try
            {
                profile = profiles.Get(config.Profile, dataset);
            }
            catch (ArgumentException e)
            {
                throw new GridConfigException($"Config '{source}': {e.Message}.", e);
            }
            var testImages = Math.Min(profile.TestLimit ?? OfficialTestImages, OfficialTestImages);
            if (config.AttackedPoints > testImages)
                throw new GridConfigException(
                    $"Config '{source}': field 'attackedPoints' = {config.AttackedPoints} exceeds the {testImages} test images of profile '{config.Profile}' on {dataset}.");
        }
    }
}
