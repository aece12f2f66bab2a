package dev.heapscope.session;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip files byte by byte, so a test can make the ones a hostile user would: headers that lie
 * about sizes and checksums, and bombs of gigabytes of zeros in a few megabytes without ever holding
 * or writing the gigabytes. Also a command line, to make the files for measuring by hand:
 * {@code HostileZip bomb FILE GIB [CLAIMED_BYTES]} and {@code HostileZip spaces FILE GIB}.
 */
public final class HostileZip {
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int MIB = 1 << 20;

    /** One entry: its data as written (already compressed), repeated {@code times}, then {@code tail}. */
    record Entry(String name, int method, byte[] data, long times, byte[] tail, long crc, long size) {
        long compressedSize() {
            return data.length * times + tail.length;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    public HostileZip stored(String name, byte[] content) {
        return entry(new Entry(name, STORED, content, 1, new byte[0], crcOf(content), content.length));
    }

    public HostileZip stored(String name, String content) {
        return stored(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A stored entry whose header claims {@code crc}, right or wrong. */
    public HostileZip storedWithCrc(String name, byte[] content, long crc) {
        return entry(new Entry(name, STORED, content, 1, new byte[0], crc, content.length));
    }

    /**
     * A deflated entry of {@code mib} MiB of the byte {@code fill}, with a true CRC; the header claims
     * {@code claimedSize} bytes (pass a negative number for the true size).
     */
    public HostileZip deflatedFill(String name, byte fill, long mib, long claimedSize) {
        byte[] chunk = new byte[MIB];
        java.util.Arrays.fill(chunk, fill);
        CRC32 crc = new CRC32();
        for (long i = 0; i < mib; i++) {
            crc.update(chunk);
        }
        long size = mib * MIB;
        return entry(new Entry(name, DEFLATED, flushedBlock(chunk), mib, finalEmptyBlock(), crc.getValue(),
                claimedSize < 0 ? size : claimedSize));
    }

    HostileZip entry(Entry entry) {
        entries.add(entry);
        return this;
    }

    public void writeTo(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long offset = 0;
            List<Long> offsets = new ArrayList<>();
            for (Entry entry : entries) {
                offsets.add(offset);
                byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream header = new ByteArrayOutputStream();
                int32(header, 0x04034b50);
                common(header, entry, name);
                header.write(name);
                out.write(header.toByteArray());
                for (long i = 0; i < entry.times(); i++) {
                    out.write(entry.data());
                }
                out.write(entry.tail());
                offset += header.size() + entry.compressedSize();
            }
            ByteArrayOutputStream directory = new ByteArrayOutputStream();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
                int32(directory, 0x02014b50);
                int16(directory, 20);
                common(directory, entry, name);
                int16(directory, 0); // comment length
                int16(directory, 0); // disk
                int16(directory, 0); // internal attributes
                int32(directory, 0); // external attributes
                int32(directory, offsets.get(i));
                directory.write(name);
            }
            out.write(directory.toByteArray());
            int32(out, 0x06054b50);
            int16(out, 0);
            int16(out, 0);
            int16(out, entries.size());
            int16(out, entries.size());
            int32(out, directory.size());
            int32(out, offset);
            int16(out, 0);
        }
    }

    /** What local and central headers share: version, flags, method, time, CRC, sizes, name length. */
    private static void common(OutputStream out, Entry entry, byte[] name) throws IOException {
        int16(out, 20);
        int16(out, 0x0800);
        int16(out, entry.method());
        int32(out, 0);
        int32(out, entry.crc());
        int32(out, entry.compressedSize());
        int32(out, entry.size());
        int16(out, name.length);
        int16(out, 0);
    }

    /**
     * Raw deflate blocks for {@code chunk} ending in a full flush: byte-aligned and referring to
     * nothing before them, so the same bytes written again inflate to the chunk again.
     */
    private static byte[] flushedBlock(byte[] chunk) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(chunk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        deflater.end();
        return out.toByteArray();
    }

    /** A final, empty block in fixed Huffman codes: ends a raw deflate stream. */
    private static byte[] finalEmptyBlock() {
        return new byte[] {0x03, 0x00};
    }

    private static long crcOf(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    private static void int16(OutputStream out, int value) throws IOException {
        out.write(value & 0xff);
        out.write(value >>> 8 & 0xff);
    }

    private static void int32(OutputStream out, long value) throws IOException {
        int16(out, (int) (value & 0xffff));
        int16(out, (int) (value >>> 16 & 0xffff));
    }

    public static String manifestJson() {
        return "{\"formatVersion\": 1, \"board\": \"hostile\"}";
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        long mib = Long.parseLong(args[2]) * 1024;
        long claimed = args.length > 3 ? Long.parseLong(args[3]) : -1;
        HostileZip zip = new HostileZip();
        if (args[0].equals("bomb")) {
            zip.stored(SessionJson.MANIFEST, manifestJson()).deflatedFill(SessionJson.TRANSCRIPT, (byte) 0, mib, claimed);
        } else {
            zip.deflatedFill(SessionJson.MANIFEST, (byte) ' ', mib, -1).stored(SessionJson.TRANSCRIPT, "x\n");
        }
        zip.writeTo(file);
    }
}
