using System.ComponentModel;
using System.Reflection;
using NUnit.Framework;
using Robustness.Cli.Commands;
using Robustness.Core;
using Robustness.Evaluation.Grid;
using Robustness.Evaluation.Protocol;
using Spectre.Console.Cli;

namespace Robustness.Cli.Tests;

/// <summary>One --device default for every command (a GPU user's grid must not silently run on the CPU).</summary>
public sealed class DeviceDefaultTests
{
    private static IEnumerable<TestCaseData> SettingsWithDevice() =>
        from type in typeof(GridSettings).Assembly.GetTypes()
        where typeof(CommandSettings).IsAssignableFrom(type) && !type.IsAbstract
        let property = type.GetProperty("Device", BindingFlags.Public | BindingFlags.Instance)
        where property?.GetCustomAttribute<CommandOptionAttribute>() is { } option && option.LongNames.Contains("device")
        select new TestCaseData(type, property).SetArgDisplayNames(type.FullName!.Replace("Robustness.Cli.Commands.", ""));

    [Test]
    public void Commands_WithDeviceOption_IncludeTheGridAndModelCommands()
    {
        var types = SettingsWithDevice().Select(c => (Type)c.Arguments[0]!).ToList();
        Assert.That(types.Any(typeof(GridSettings).IsAssignableFrom), Is.True, "the grid commands (evaluate, run-cell, nightly, slurm)");
        Assert.That(types.Count, Is.GreaterThanOrEqualTo(5), "evaluate/run-cell/nightly/slurm (grid), attack, adversary, train/prune, bench");
    }

    [TestCaseSource(nameof(SettingsWithDevice))]
    public void DeviceOption_NotGiven_DefaultsToAuto(Type settings, PropertyInfo device)
    {
        Assert.That(device.GetCustomAttribute<DefaultValueAttribute>()?.Value, Is.EqualTo(DeviceSelection.Default), "[DefaultValue]");
        if (settings.GetConstructor(Type.EmptyTypes) is { } constructor)
            Assert.That(device.GetValue(constructor.Invoke(null)), Is.EqualTo(DeviceSelection.Default), "initialiser");
        Assert.That(DeviceSelection.Default, Is.EqualTo("auto"));
    }

    [Test]
    public void Requests_NotGivenADevice_DefaultToAuto()
    {
        Assert.That(new EvaluationRequest("smoke").Device, Is.EqualTo(DeviceSelection.Default));
        Assert.That(new CoreOptions().Device, Is.EqualTo(DeviceSelection.Default));
        var adversaryDevice = typeof(AdversaryRunRequest).GetConstructors().Single().GetParameters().Single(p => p.Name == "Device");
        Assert.That(adversaryDevice.DefaultValue, Is.EqualTo(DeviceSelection.Default));
    }
}
