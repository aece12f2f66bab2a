package dev.heapscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/** {@code hunt --wait-for-enter}: the user says "done" by pressing Enter in the terminal. */
final class EnterKey {
    private EnterKey() {
    }

    /**
     * Completes when a line (or the end of input) arrives on {@code in}, saying how long the wait took; read on a
     * daemon thread, so a hunt that fails meanwhile still ends the command.
     */
    static CompletableFuture<Void> pressedOn(InputStream in, PrintStream err) {
        CompletableFuture<Void> pressed = new CompletableFuture<>();
        long started = System.nanoTime();
        Thread reader = new Thread(() -> {
            try {
                int read = in.read();
                while (read >= 0 && read != '\n') {
                    read = in.read();
                }
            } catch (IOException e) {
                // a closed terminal ends the wait as Enter would
            }
            err.printf("heapscope: note: continuing after %d s of use%n", (System.nanoTime() - started) / 1_000_000_000L);
            pressed.complete(null);
        }, "heapscope-enter-key");
        reader.setDaemon(true);
        reader.start();
        return pressed;
    }
}
