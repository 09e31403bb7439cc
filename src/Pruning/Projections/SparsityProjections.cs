namespace Robustness.Pruning.Projections;

public static class SparsityProjections
{
    public static ISparsityProjection For(SparsityType type) => type switch
    {
        SparsityType.Irregular => new IrregularProjection(),
        SparsityType.Filter => new FilterProjection(),
        SparsityType.Channel => new ChannelProjection(),
        SparsityType.Column => new ColumnProjection(),
        SparsityType.Pattern => new PatternProjection(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown sparsity type"),
    };
}
