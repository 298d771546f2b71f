package org.rainbow.pipeline.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy straight from snappy-java: Parquet's own codec factory needs Hadoop's codec classes, and Rainbow
 * runs without Hadoop. Only writing is needed here; every reader (DuckDB, BigQuery) has its own decoder.
 */
final class SnappyCodecFactory implements CompressionCodecFactory {

    private static final BytesInputCompressor SNAPPY = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputDecompressor UNSNAPPY = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(Snappy.uncompress(bytes.toByteArray()));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(Snappy.uncompress(compressed));
        }

        @Override
        public void release() {
        }
    };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> SNAPPY;
            default -> throw new IllegalArgumentException("only SNAPPY is available without Hadoop, not " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> UNSNAPPY;
            default -> throw new IllegalArgumentException("only SNAPPY is available without Hadoop, not " + codec);
        };
    }

    @Override
    public void release() {
    }
}
