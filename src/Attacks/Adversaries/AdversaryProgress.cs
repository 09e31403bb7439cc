namespace Robustness.Attacks.Adversaries;

/// <summary>Progress of surrogate building, reported once per round.</summary>
/// <param name="Round">0-based training round.</param>
/// <param name="TrainingSetSize">Accepted (non-Reject) labelled examples the round trains on.</param>
/// <param name="QueriesSoFar">Oracle queries (images) spent so far.</param>
public sealed record AdversaryProgress(string AdversaryId, int Round, int Rounds, int TrainingSetSize, long QueriesSoFar, string Message);
