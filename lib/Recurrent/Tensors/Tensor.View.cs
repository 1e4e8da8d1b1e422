// Shape operations that return views sharing storage (View, Transpose, T, Unsqueeze, Squeeze), copy when they must
// (Reshape) or always copy (Flip); each records its backward under PyTorch's name for it.
using Recurrent.Autograd;

namespace Recurrent;

public sealed partial class Tensor
{
    /// <summary>The same elements seen with another shape, sharing storage; one size may be -1 to be inferred.</summary>
    public Tensor View(params int[] shape)
    {
        var target = InferShape(shape);
        var strides = ComputeViewStrides(target) ?? throw new ArgumentException(
            "view size is not compatible with input tensor's size and stride (at least one dimension spans across " +
            $"two contiguous subspaces). Use Reshape(...) instead. Input shape {ShapeText(_shape)}, " +
            $"requested {ShapeText(shape)}", nameof(shape));
        return Reshaped(ViewOf(_offset, target, strides), "ViewBackward0");
    }

    /// <summary>
    /// Like <see cref="View"/>, but copies when the strides do not allow a view. Recorded as PyTorch's reshape
    /// dispatches: a view of a contiguous tensor (ViewBackward0), of a non-contiguous one (ReshapeAliasBackward0),
    /// or a copy (UnsafeViewBackward0).
    /// </summary>
    public Tensor Reshape(params int[] shape)
    {
        var target = InferShape(shape);
        if (IsContiguous)
        {
            return Reshaped(ViewOf(_offset, target, ContiguousStrides(target)), "ViewBackward0");
        }
        var strides = ComputeViewStrides(target);
        return strides is null
            ? Reshaped(new Tensor(ToArray(), target, _dtype), "UnsafeViewBackward0")
            : Reshaped(ViewOf(_offset, target, strides), "ReshapeAliasBackward0");
    }

    /// <summary>A view with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped.</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        var a = NormalizeDim(dim0, Dim, nameof(dim0));
        var b = NormalizeDim(dim1, Dim, nameof(dim1));
        var result = Swapped(a, b);
        return Records(this)
            ? result.AttachGradFn(new RearrangeBackward(this, "TransposeBackward0", g => g.Swapped(a, b)))
            : result;
    }

    /// <summary>
    /// The transpose of a matrix (a view); vectors and scalars come back as views of the same shape, as in PyTorch,
    /// whose <c>.T</c> is a permute (PermuteBackward0).
    /// </summary>
    public Tensor T
    {
        get
        {
            if (Dim > 2)
            {
                throw new InvalidOperationException(
                    $"T expects a tensor with at most 2 dimensions, got {Dim}; use Transpose(dim0, dim1)");
            }
            var result = Dim == 2 ? Swapped(0, 1) : ViewOf(_offset, _shape, _strides);
            return Records(this)
                ? result.AttachGradFn(new RearrangeBackward(this, "PermuteBackward0", static g => g.Dim == 2 ? g.Swapped(0, 1) : g))
                : result;
        }
    }

    /// <summary>A view with a new dimension of size 1 inserted at <paramref name="dim"/>.</summary>
    public Tensor Unsqueeze(int dim)
    {
        var d = NormalizeDim(dim, Dim + 1, nameof(dim));
        var shape = _shape.ToList();
        var strides = _strides.ToList();
        var stride = d < Dim ? _strides[d] * _shape[d] : 1;
        shape.Insert(d, 1);
        strides.Insert(d, stride);
        return Reshaped(ViewOf(_offset, [.. shape], [.. strides]), "UnsqueezeBackward0");
    }

    /// <summary>A view without dimension <paramref name="dim"/> if its size is 1; otherwise a view of the same shape.</summary>
    public Tensor Squeeze(int dim)
    {
        if (Dim == 0)
        {
            NormalizeDim(dim, 0, nameof(dim));
            return Reshaped(ViewOf(_offset, _shape, _strides), "SqueezeBackward1");
        }
        var d = NormalizeDim(dim, Dim, nameof(dim));
        if (_shape[d] != 1)
        {
            return Reshaped(ViewOf(_offset, _shape, _strides), "SqueezeBackward1");
        }
        var shape = _shape.Where((_, i) => i != d).ToArray();
        var strides = _strides.Where((_, i) => i != d).ToArray();
        return Reshaped(ViewOf(_offset, shape, strides), "SqueezeBackward1");
    }

    /// <summary>A copy with the order of elements reversed along <paramref name="dim"/>.</summary>
    public Tensor Flip(int dim)
    {
        var d = NormalizeDim(dim, Dim, nameof(dim));
        var result = Flipped(d);
        return Records(this) ? result.AttachGradFn(new RearrangeBackward(this, "FlipBackward0", g => g.Flipped(d))) : result;
    }

    /// <summary>
    /// Elements <paramref name="start"/> … <paramref name="start"/> + <paramref name="length"/> − 1 along
    /// <paramref name="dim"/> (already normalised), as a view; records nothing (for gradients and joins).
    /// </summary>
    internal Tensor Narrow(int dim, int start, int length)
    {
        var shape = (int[])_shape.Clone();
        shape[dim] = length;
        return ViewOf(_offset + start * _strides[dim], shape, (int[])_strides.Clone());
    }

    /// <summary>
    /// <paramref name="result"/>, which holds this tensor's elements in another shape, recorded under
    /// <paramref name="name"/>: its gradient is the output's, reshaped back to this tensor's shape.
    /// </summary>
    private Tensor Reshaped(Tensor result, string name)
    {
        if (!Records(this))
        {
            return result;
        }
        var shape = (int[])_shape.Clone();
        return result.AttachGradFn(new RearrangeBackward(this, name, g => g.Reshape(shape)));
    }

    private Tensor Swapped(int a, int b)
    {
        var shape = (int[])_shape.Clone();
        var strides = (int[])_strides.Clone();
        (shape[a], shape[b]) = (shape[b], shape[a]);
        (strides[a], strides[b]) = (strides[b], strides[a]);
        return ViewOf(_offset, shape, strides);
    }

    private Tensor Flipped(int d)
    {
        var strides = (int[])_strides.Clone();
        strides[d] = -strides[d];
        var offset = _offset + (_shape[d] - 1) * _strides[d];
        return new Tensor(ViewOf(offset, (int[])_shape.Clone(), strides).ToArray(), (int[])_shape.Clone(), _dtype);
    }

    private int[] InferShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var target = (int[])shape.Clone();
        var inferred = -1;
        long known = 1;   // in long: the sizes given may multiply past int
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == -1)
            {
                if (inferred >= 0)
                {
                    throw new ArgumentException($"only one dimension can be inferred, got {ShapeText(shape)}", nameof(shape));
                }
                inferred = i;
            }
            else if (target[i] < 0)
            {
                throw new ArgumentException($"invalid shape dimension {target[i]} in {ShapeText(shape)}", nameof(shape));
            }
            else
            {
                known = Math.Min(known * target[i], (long)int.MaxValue + 1);   // past any element count: the shape is invalid either way
            }
        }
        var count = Numel();
        if (inferred >= 0 && known != 0 && count % known == 0)
        {
            target[inferred] = (int)(count / known);
        }
        if (inferred >= 0 && target[inferred] == -1 || Numel(target) != count)
        {
            throw new ArgumentException(
                $"shape '{ShapeText(shape)}' is invalid for input of size {count} (input shape {ShapeText(_shape)})",
                nameof(shape));
        }
        return target;
    }

    /// <summary>PyTorch's computeStride: the strides that view this tensor with <paramref name="target"/>, or null.</summary>
    private int[]? ComputeViewStrides(int[] target)
    {
        if (Numel() == 0 || _shape.Length == 0)
        {
            return ContiguousStrides(target);
        }
        var newStrides = new int[target.Length];
        var viewD = target.Length - 1;
        var chunkBaseStride = _strides[^1];
        var tensorNumel = 1;
        var viewNumel = 1;
        for (var tensorD = _shape.Length - 1; tensorD >= 0; tensorD--)
        {
            tensorNumel *= _shape[tensorD];
            if (tensorD == 0 || (_shape[tensorD - 1] != 1 && _strides[tensorD - 1] != tensorNumel * chunkBaseStride))
            {
                while (viewD >= 0 && (viewNumel < tensorNumel || target[viewD] == 1))
                {
                    newStrides[viewD] = viewNumel * chunkBaseStride;
                    viewNumel *= target[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel)
                {
                    return null;
                }
                if (tensorD > 0)
                {
                    chunkBaseStride = _strides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }
}
