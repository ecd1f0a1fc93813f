using MirrorSense.ModelConverter.Conversion;
using MirrorSense.ModelConverter.Conversion.Translators;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Tests;

public sealed class ConversionHelpersTests
{
    public sealed class SamePaddingSplit
    {
        [Theory]
        [InlineData(7, 3, 2, 1, 1, 1)]   // out 4: total 2, split evenly
        [InlineData(6, 3, 2, 1, 0, 1)]   // out 3: total 1, the extra row goes after (bottom/right)
        [InlineData(8, 3, 1, 1, 1, 1)]   // stride 1 keeps the size
        [InlineData(8, 5, 1, 1, 2, 2)]
        [InlineData(8, 3, 1, 2, 2, 2)]   // dilation 2: effective kernel 5
        [InlineData(5, 1, 2, 1, 0, 0)]   // 1×1 kernels never pad
        public void Should_put_the_odd_row_at_the_end(int input, int kernel, int stride, int dilation, int begin, int end)
        {
            Assert.Equal((begin, end), SamePadding.Split(input, kernel, stride, dilation));
        }

        [Fact]
        public void Should_not_pad_VALID()
        {
            Assert.Equal([0, 0, 0, 0], SamePadding.Pads(TflitePadding.Valid, [1, 9, 9, 3], 3, 3, 2, 2));
        }

        [Fact]
        public void Should_order_pads_as_ONNX_begins_then_ends()
        {
            // Given H=6 (odd total) and W=7 (even total) with a 3×3 stride-2 window
            // Then pads are [top, left, bottom, right]
            Assert.Equal([0, 1, 1, 1], SamePadding.Pads(TflitePadding.Same, [1, 6, 7, 3], 3, 3, 2, 2));
        }
    }

    public sealed class Transpose
    {
        [Fact]
        public void Should_move_channels_first()
        {
            // Given NHWC [1,2,2,3] holding 0..11
            var nhwc = Enumerable.Range(0, 12).Select(i => (float)i).ToArray();

            // When transposed to NCHW
            var nchw = TensorData.Transpose(nhwc, [1, 2, 2, 3], Layouts.NhwcToNchw);

            // Then channel 0 lists pixel 0..3's first values, and so on
            Assert.Equal([0f, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11], nchw);
        }

        [Fact]
        public void Should_be_undone_by_the_inverse_permutation()
        {
            var values = Enumerable.Range(0, 2 * 3 * 4 * 5).Select(i => (float)i).ToArray();
            var there = TensorData.Transpose(values, [2, 3, 4, 5], Layouts.NhwcToNchw);
            Assert.Equal(values, TensorData.Transpose(there, [2, 5, 3, 4], Layouts.NchwToNhwc));
        }
    }

    public sealed class Densify
    {
        [Fact]
        public void Should_expand_CSR_rows()
        {
            // Given [[0,0,5],[6,7,0]] as dense rows with CSR columns
            var sparsity = new TfliteSparsity([0, 1], [], [
                new TfliteDimensionMetadata(false, 2, [], []),
                new TfliteDimensionMetadata(true, 0, [0, 1, 3], [2, 0, 1]),
            ]);

            // When densified, Then zeros return where nothing was stored
            Assert.Equal([0f, 0, 5, 6, 7, 0], SparseDensifier.Densify([2, 3], sparsity, [5f, 6f, 7f]));
        }

        [Fact]
        public void Should_expand_block_sparse_storage()
        {
            // Given a 2×4 matrix stored as 1×2 blocks along columns: block columns {1} in row 0 and {0} in row 1
            // dense = [[0,0,1,2],[3,4,0,0]]; expanded dims: row, block column, column inside block
            var sparsity = new TfliteSparsity([0, 1, 2], [1], [
                new TfliteDimensionMetadata(false, 2, [], []),
                new TfliteDimensionMetadata(true, 0, [0, 1, 2], [1, 0]),
                new TfliteDimensionMetadata(false, 2, [], []),
            ]);

            Assert.Equal([0f, 0, 1, 2, 3, 4, 0, 0], SparseDensifier.Densify([2, 4], sparsity, [1f, 2f, 3f, 4f]));
        }

        [Fact]
        public void Should_reject_inconsistent_parameters()
        {
            var sparsity = new TfliteSparsity([0], [], [new TfliteDimensionMetadata(false, 2, [], [])]);
            Assert.Throws<InvalidDataException>(() => SparseDensifier.Densify([2, 2], sparsity, [1f, 2f]));
        }
    }

    public sealed class ResizeModes
    {
        [Theory]
        [InlineData(true, false, "align_corners")]
        [InlineData(false, true, "half_pixel")]
        [InlineData(false, false, "asymmetric")]
        public void Should_map_TFLite_flags_to_ONNX_coordinate_modes(bool alignCorners, bool halfPixel, string mode)
        {
            Assert.Equal(mode, ResizeTranslator.CoordinateMode(new ResizeBilinearOptions(alignCorners, halfPixel)));
        }
    }
}
