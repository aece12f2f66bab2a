package dev.heapscope.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How long console work takes on a board's wire. A typed line goes out, comes back as the board's echo with its
 * prompt, and only then does the next one go: it costs {@code lineSeconds} (the board reading and running it, the
 * bridge's and the host's round trip) plus {@code secondsPerTypedByte} for each of its characters and CR LF (at
 * least a serial byte at the baud rate: the line is full duplex, so the echo comes back while the rest goes out;
 * more where the echo is slower). What the board prints on
 * its own (a snapshot's lines) costs its bytes at the baud rate.
 *
 * @param baudRate            the console's speed, 8N1
 * @param lineSeconds         a typed line's round trip beyond its characters
 * @param secondsPerTypedByte a typed character's cost, out and its echo back
 */
public record WireTime(int baudRate, double lineSeconds, double secondsPerTypedByte) {
    /** A serial byte: start bit, 8 data bits, stop bit. */
    static final int BITS_PER_BYTE = 10;
    /**
     * A short line's round trip when the board was not timed: a margin for a real board behind a USB bridge, which
     * holds a short answer back up to its latency timer (16 ms by default on FTDI's chips, FTDI AN232B-04). The
     * virtual board served by {@code sim --pty} answers in 1-2 ms ({@code UploadRoundTripBench}); a real board was
     * not measured.
     */
    static final double DEFAULT_LINE_SECONDS = 0.020;
    /** The lines {@link #measuredOn} times: a Lua comment does nothing on the board, at two lengths. */
    static final String SHORT_PROBE = "-- heapscope";
    static final String LONG_PROBE = "-- heapscope " + "-".repeat(200);

    public WireTime {
        baudRate = Math.max(1, baudRate);
        // never faster than the wire: each typed character crosses it once each way, both ways at the same time
        secondsPerTypedByte = Math.max((double) BITS_PER_BYTE / baudRate, secondsPerTypedByte);
        lineSeconds = Math.max(0, lineSeconds);
    }

    /** At {@code baudRate} on a board that was not timed: the wire's bytes and the default round trip. */
    public static WireTime at(int baudRate) {
        return new WireTime(baudRate, DEFAULT_LINE_SECONDS, 0);
    }

    /**
     * From two typed lines timed on the board: {@code shortSeconds} for {@code shortLength} characters and
     * {@code longSeconds} for {@code longLength}; the difference is the characters' cost, the rest the line's.
     */
    static WireTime fromTimings(int baudRate, int shortLength, double shortSeconds, int longLength, double longSeconds) {
        double perByte = (longSeconds - shortSeconds) / Math.max(1, longLength - shortLength);
        WireTime wire = new WireTime(baudRate, 0, perByte);
        return new WireTime(baudRate, shortSeconds - wire.secondsPerTypedByte() * (shortLength + 2), perByte);
    }

    /**
     * Times {@link #SHORT_PROBE} and {@link #LONG_PROBE} on {@code session}, twice each, keeping each one's quicker
     * answer (a busy host delays one now and then); {@link #at} when the board refuses one.
     */
    public static CompletableFuture<WireTime> measuredOn(ProfilingSession session, int baudRate) {
        List<String> probes = List.of(SHORT_PROBE, LONG_PROBE, SHORT_PROBE, LONG_PROBE);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        boolean[] refused = {false};
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        for (int i = 0; i < probes.size(); i++) {
            int which = i % 2;
            String line = probes.get(i);
            done = done.thenCompose(ok -> {
                long start = System.nanoTime();
                return session.execute(line).thenAccept(answer -> {
                    refused[0] |= answer.failed();
                    best[which] = Math.min(best[which], (System.nanoTime() - start) / 1e9);
                });
            });
        }
        return done.thenApply(ok -> refused[0] ? at(baudRate)
                : fromTimings(baudRate, SHORT_PROBE.length(), best[0], LONG_PROBE.length(), best[1]));
    }

    /** The characters of {@code lines} as typed, each with its CR LF. */
    public static long typedBytes(List<String> lines) {
        return lines.stream().mapToLong(line -> line.length() + 2L).sum();
    }

    /** Seconds for typing {@code lines}, one answer at a time. */
    public double typed(List<String> lines) {
        return lines.size() * lineSeconds + typedBytes(lines) * secondsPerTypedByte;
    }

    /** Seconds for {@code count} bytes that the board sends on its own. */
    public double printed(long count) {
        return count * (double) BITS_PER_BYTE / baudRate;
    }
}
