package dev.heapscope.transport.pty;

import com.sun.jna.Platform;

import java.io.IOException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that need a real pseudo-terminal call {@link #assumeAvailable()} first: where this machine has
 * none (not Linux, or {@code posix_openpt} fails, e.g. no {@code /dev/pts} in a container) they are
 * skipped with the reason instead of failing.
 */
public final class PseudoTerminals {
    private static volatile String unavailableReason;
    private static volatile boolean probed;

    private PseudoTerminals() {
    }

    /** Skips the calling test (or class, from {@code @BeforeAll}) when no pseudo-terminal can be opened. */
    public static void assumeAvailable() {
        String reason = probe();
        assumeTrue(reason == null, () -> "no pseudo-terminals here: " + reason);
    }

    /** Null when a pseudo-terminal opened; otherwise why not. Probed once per test JVM. */
    private static synchronized String probe() {
        if (!probed) {
            unavailableReason = tryToOpenOne();
            probed = true;
        }
        return unavailableReason;
    }

    private static String tryToOpenOne() {
        if (!Platform.isLinux()) {
            return "HeapScope's pseudo-terminals are Linux only, this is " + System.getProperty("os.name");
        }
        try {
            PseudoTerminal.open().close();
            return null;
        } catch (IOException | RuntimeException | LinkageError e) {
            return e.toString();
        }
    }
}
