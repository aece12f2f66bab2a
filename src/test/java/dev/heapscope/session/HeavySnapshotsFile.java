package dev.heapscope.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a session file whose {@code snapshots.json} is as heavy to read as the bounds let it be, for the figures
 * in docs/RELIABILITY.md: {@code N} objects, each with a retaining path of its own (the costliest object to build),
 * in one snapshot (620,000 of them come close to the entry's 32 MiB). Usage: {@code HeavySnapshotsFile FILE N}.
 */
public final class HeavySnapshotsFile {
    private HeavySnapshotsFile() {
    }

    public static void main(String[] args) throws IOException {
        int objects = Integer.parseInt(args[1]);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            put(zip, SessionJson.MANIFEST, HostileZip.manifestJson().getBytes(StandardCharsets.US_ASCII));
            put(zip, SessionJson.TRANSCRIPT, "> \r\n".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry(SessionJson.HEAP_SNAPSHOTS));
            OutputStream out = new java.io.BufferedOutputStream(zip, 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // the zip entry stays open
                }
            };
            write(out, "{\"version\":1,\"types\":[\"table\"],\"steps\":[\"_G\"],\"paths\":[");
            for (int i = 0; i < objects; i++) {
                write(out, (i == 0 ? "" : ",") + "{\"steps\":[0],\"concrete\":\"" + i + "\"}");
            }
            write(out, "],\"snapshots\":[{\"number\":1,\"label\":\"heavy\",\"atMicros\":0,\"addresses\":[");
            column(out, objects, i -> i);
            write(out, "],\"sizes\":[");
            column(out, objects, i -> 16);
            write(out, "],\"typeOf\":[");
            column(out, objects, i -> 0);
            write(out, "],\"pathOf\":[");
            column(out, objects, i -> i);
            write(out, "]}]}");
            out.close();
            zip.closeEntry();
        }
    }

    private static void column(OutputStream out, int n, java.util.function.IntUnaryOperator value) throws IOException {
        for (int i = 0; i < n; i++) {
            write(out, (i == 0 ? "" : ",") + value.applyAsInt(i));
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
