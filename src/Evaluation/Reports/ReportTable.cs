namespace Robustness.Evaluation.Reports;

/// <summary>A titled table of formatted cells, shared by the Markdown, HTML and CSV writers.</summary>
public sealed record ReportTable(string Id, string Title, string Note, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
