namespace Robustness.Evaluation.Reports;

/// <summary>A rendered figure: file name, caption and PNG bytes.</summary>
public sealed record ReportFigure(string FileName, string Caption, byte[] Png);
