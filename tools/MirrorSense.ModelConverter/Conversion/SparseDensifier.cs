using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion;

/// <summary>
/// Expands a TFLite sparse constant (SparsityParameters: traversal order, optional block map, dense or
/// CSR dimensions) to a dense row-major array, the way TFLite's DENSIFY does at run time.
/// </summary>
public static class SparseDensifier
{
    public static float[] Densify(IReadOnlyList<int> denseShape, TfliteSparsity sparsity, ReadOnlySpan<float> storedValues)
    {
        var rank = denseShape.Count;
        var levels = sparsity.Dimensions.Count;
        if (sparsity.TraversalOrder.Count != levels || levels != rank + sparsity.BlockMap.Count)
        {
            throw new InvalidDataException(
                $"Sparsity has {levels} stored dimensions, {sparsity.TraversalOrder.Count} traversal entries and {sparsity.BlockMap.Count} blocks for rank {rank}.");
        }

        var dense = new float[denseShape.Aggregate(1, (product, dim) => product * dim)];
        var strides = TensorData.Strides(denseShape);
        var expanded = new int[levels];          // coordinate along each expanded dimension (original dims, then block dims)
        var values = storedValues.ToArray();
        Visit(0, 0);
        return dense;

        void Visit(int level, int position)
        {
            if (level == levels)
            {
                dense[FlatIndex()] = values[position];
                return;
            }

            var dimension = sparsity.Dimensions[level];
            var axis = sparsity.TraversalOrder[level];
            if (!dimension.IsSparse)
            {
                for (var i = 0; i < dimension.DenseSize; i++)
                {
                    expanded[axis] = i;
                    Visit(level + 1, position * dimension.DenseSize + i);
                }

                return;
            }

            for (var i = dimension.Segments[position]; i < dimension.Segments[position + 1]; i++)
            {
                expanded[axis] = dimension.Indices[i];
                Visit(level + 1, i);
            }
        }

        int FlatIndex()
        {
            var flat = 0;
            for (var axis = 0; axis < rank; axis++)
            {
                var coordinate = expanded[axis];
                var block = IndexOf(sparsity.BlockMap, axis);
                if (block >= 0)
                {
                    // A blocked axis is stored as (block number, offset inside the block).
                    var blockSize = sparsity.Dimensions[IndexOf(sparsity.TraversalOrder, rank + block)].DenseSize;
                    coordinate = coordinate * blockSize + expanded[rank + block];
                }

                flat += coordinate * strides[axis];
            }

            return flat;
        }
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
