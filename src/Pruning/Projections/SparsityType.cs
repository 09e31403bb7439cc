namespace Robustness.Pruning.Projections;

/// <summary>The shape of the sparsity set a layer is projected onto.</summary>
public enum SparsityType
{
    /// <summary>Any individual weight (unstructured).</summary>
    Irregular,
    /// <summary>Whole filters: output channels of a convolution, rows of a linear layer.</summary>
    Filter,
    /// <summary>Whole input channels of a convolution, input features (columns) of a linear layer.</summary>
    Channel,
    /// <summary>Columns of the GEMM view [out, in·kh·kw]: one (in, kh, kw) position across every filter.</summary>
    Column,
    /// <summary>3×3 kernels keep one 4-entry pattern from a fixed library; whole kernels go beyond 5/9 sparsity.</summary>
    Pattern,
}
