namespace Robustness.Evaluation.Checklist;

public enum Verdict { Pass, Fail, NotRun }
