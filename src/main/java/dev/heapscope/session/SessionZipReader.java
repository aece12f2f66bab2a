package dev.heapscope.session;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the entries of a session file as a hostile file would be read: each entry expands no further
 * than its own bound and all of them together no further than {@link #MAX_TOTAL_BYTES}, counted while
 * inflating (a zip header may claim any size; a few megabytes can inflate to gigabytes), and each
 * entry's bytes must match the CRC the archive records for them (Java's {@link ZipFile} does not check
 * it for stored entries). Every refusal is a {@link DamagedSessionFile} saying which entry and why.
 * One thread; close it after use.
 */
final class SessionZipReader implements Closeable {
    static final int MAX_MANIFEST_BYTES = 64 << 10;
    /** Commands, markers, heap samples, dump times: a day of polls every second is a few megabytes. */
    static final int MAX_PART_BYTES = 32 << 20;
    /** About two million dump records; more than a serial line carries in a working day. */
    static final int MAX_TRANSCRIPT_BYTES = 256 << 20;
    static final long MAX_TOTAL_BYTES = 320L << 20;
    private static final int CHUNK = 1 << 20;

    private final ZipFile zip;
    private long expanded;

    SessionZipReader(Path file) throws IOException {
        this.zip = new ZipFile(file.toFile());
    }

    /**
     * The bytes of entry {@code name}, at most {@code limit} of them; null when it is absent and not
     * {@code required}.
     */
    byte[] read(String name, int limit, boolean required) throws DamagedSessionFile {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            if (required) {
                throw new DamagedSessionFile("not a HeapScope session file: it has no " + name);
            }
            return null;
        }
        if (entry.isDirectory()) {
            throw new DamagedSessionFile("damaged session file: " + name + " is a folder, not a file");
        }
        long declared = entry.getSize();
        if (declared > limit) {
            throw tooLarge(name, limit);
        }
        byte[] bytes = readBounded(entry, name, declared < 0 ? limit : (int) declared, limit);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new DamagedSessionFile("damaged session file: " + name + " does not match its checksum "
                    + "(its bytes were changed or cut)");
        }
        if (declared >= 0 && bytes.length != declared) {
            throw new DamagedSessionFile("damaged session file: " + name + " holds " + bytes.length
                    + " bytes, its header says " + declared);
        }
        return bytes;
    }

    /**
     * Reads no more than {@code expected} bytes, then makes sure nothing follows them. Kept in chunks
     * and joined once at the end, so a refused entry never costs more than the bytes read (doubling
     * one array would cost half as much again, and a copy).
     */
    private byte[] readBounded(ZipEntry entry, String name, int expected, int limit) throws DamagedSessionFile {
        List<byte[]> chunks = new ArrayList<>();
        int length = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            while (true) {
                if (length == expected) {
                    if (in.read() < 0) {
                        break;
                    }
                    // more than the header said: a lie worth no further inflating
                    throw expected >= limit ? tooLarge(name, limit) : new DamagedSessionFile("damaged session file: "
                            + name + " expands past the " + expected + " bytes its header says");
                }
                byte[] chunk = new byte[Math.min(CHUNK, expected - length)];
                int n = in.readNBytes(chunk, 0, chunk.length);
                expanded += n;
                if (expanded > MAX_TOTAL_BYTES) {
                    throw new DamagedSessionFile("not a session file HeapScope opens: it expands past the "
                            + (MAX_TOTAL_BYTES >> 20) + " MiB a session file may hold");
                }
                chunks.add(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                length += n;
                if (n < chunk.length) {
                    break;
                }
            }
        } catch (DamagedSessionFile e) {
            throw e;
        } catch (EOFException e) {
            throw new DamagedSessionFile("damaged session file: " + name + " is cut short");
        } catch (IOException e) {
            throw new DamagedSessionFile("damaged session file: " + name + " cannot be decompressed (damaged data)");
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, bytes, at, chunk.length);
            at += chunk.length;
        }
        return bytes;
    }

    private static DamagedSessionFile tooLarge(String name, int limit) {
        return new DamagedSessionFile("not a session file HeapScope opens: " + name + " expands past the "
                + sizeOf(limit) + " it may hold");
    }

    private static String sizeOf(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** A session file that cannot be read as one; the message says why, in one line, without the file name. */
    static final class DamagedSessionFile extends IOException {
        DamagedSessionFile(String message) {
            super(message);
        }
    }
}
