package dev.heapscope.bench;

import dev.heapscope.model.Dump;
import dev.heapscope.parse.DumpParser;
import dev.heapscope.parse.LineFramer;
import dev.heapscope.transport.TransportListener;
import dev.heapscope.transport.pty.PseudoTerminal;
import dev.heapscope.transport.serial.SerialTransport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Dump ingest over a real serial stack (pseudo-terminal → jSerialComm → LineFramer → DumpParser),
 * the board side paced like a UART at 115200 and 921600 baud. Reports the wire time of the dump and
 * how long after its last byte HeapScope had the parsed dump: the cost HeapScope adds to the line.
 */
public final class SerialIngestBench {
    private SerialIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = SyntheticDump.write(Path.of("target/bench/dump-2000.log"), 2_000, 300, 42);
        byte[] dump = Files.readAllBytes(file);
        for (int baud : new int[] {115_200, 921_600}) {
            for (int run = 0; run < 3; run++) {
                measure(dump, baud);
            }
        }
    }

    private static void measure(byte[] text, int baud) throws Exception {
        try (PseudoTerminal board = PseudoTerminal.open()) {
            CompletableFuture<Long> parsedAt = new CompletableFuture<>();
            DumpParser parser = new DumpParser((Dump d) -> parsedAt.complete(System.nanoTime()));
            LineFramer framer = new LineFramer(parser);
            SerialTransport host = new SerialTransport(board.slavePath(), baud, false, 2_000);
            host.open(new TransportListener() {
                @Override
                public void bytesReceived(byte[] buffer, int length, long hostMillis) {
                    framer.feed(buffer, 0, length, hostMillis);
                }

                @Override
                public void disconnected(String reason) {
                }
            });
            long nanosPerByte = 10_000_000_000L / baud;
            long start = System.nanoTime();
            long lineFreeAt = start;
            for (int offset = 0; offset < text.length; offset += 64) {
                int piece = Math.min(64, text.length - offset);
                lineFreeAt += piece * nanosPerByte;
                long wait = lineFreeAt - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                board.write(text, offset, piece, 2_000);
            }
            long lastByte = System.nanoTime();
            long parsed = parsedAt.get(30, TimeUnit.SECONDS);
            host.close();
            System.out.printf("ingest: %7d baud  %8d bytes  wire %7.1f ms  sent in %7.1f ms  parsed %5.2f ms after the last byte%n",
                    baud, text.length, text.length * nanosPerByte / 1e6, (lastByte - start) / 1e6,
                    (parsed - lastByte) / 1e6);
        }
    }

}
