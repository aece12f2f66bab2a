package dev.heapscope.fuzz;

import java.nio.file.Path;
import java.util.Random;

/**
 * Feeds a surface {@code count} inputs, input {@code i} made from a random of seed {@code seed + i}: the same
 * count and seed give the same inputs, whatever the machine. Each input runs under the watchdog.
 */
final class FuzzRun {
    private final Findings findings;
    private final long deadlineMillis;

    FuzzRun(Findings findings, long deadlineMillis) {
        this.findings = findings;
        this.deadlineMillis = deadlineMillis;
    }

    Tally run(Surface surface, long count, long seed, java.util.function.Consumer<Tally> progress) {
        Tally tally = new Tally(surface.name());
        long started = System.nanoTime();
        try (Watchdog watchdog = new Watchdog(deadlineMillis)) {
            for (long i = 0; i < count; i++) {
                FuzzInput input = surface.next(i, new Random(seed * 1_000_003L + i));
                Path reproducer = findings.reproducerPath(surface, input);
                long before = System.nanoTime();
                feedOne(surface, input, reproducer, watchdog, tally);
                long millis = (System.nanoTime() - before) / 1_000_000;
                if (millis > tally.slowestMillis) {
                    tally.slowestMillis = millis;
                    tally.slowestIndex = i;
                }
                tally.inputs++;
                if (progress != null && (i + 1) % Math.max(1, count / 20) == 0) {
                    tally.elapsedMillis = (System.nanoTime() - started) / 1_000_000;
                    progress.accept(tally);
                }
            }
        }
        tally.elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        return tally;
    }

    private void feedOne(Surface surface, FuzzInput input, Path reproducer, Watchdog watchdog, Tally tally) {
        try {
            Verdict verdict = watchdog.run(() -> surface.feed(input, reproducer));
            if (verdict.isHeld()) {
                tally.outcome(verdict.outcome());
                if (verdict.note() != null) {
                    tally.notes++;
                    findings.record(surface, input, "note", Verdict.broken(verdict.note(), verdict.command()));
                }
            } else {
                tally.badOutputs++;
                findings.record(surface, input, "bad output", verdict);
            }
        } catch (Watchdog.Hang hang) {
            tally.hangs++;
            findings.record(surface, input, "hang", Verdict.broken(hang.getMessage(), surface.command(input, reproducer)));
            surface.recoverFromHang();
        } catch (Exception escaped) {
            Throwable cause = escaped instanceof Watchdog.EscapedError ? escaped.getCause() : escaped;
            tally.escapedExceptions++;
            findings.record(surface, input, "escaped exception", Verdict.broken(describe(cause), surface.command(input, reproducer)));
        }
    }

    static String describe(Throwable cause) {
        StackTraceElement[] at = cause.getStackTrace();
        return cause + (at.length == 0 ? "" : " at " + at[0]);
    }
}
