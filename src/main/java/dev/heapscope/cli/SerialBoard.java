package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.Sessions;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A command's session with the board on {@code --port}: opened and connected one way for snapshot, hunt and
 * profile, and whatever fails on the way (no such port, no prompt, a command unanswered, a refused upload)
 * worded as one line that names the command's work and the port, exit code 2 (thrown as an
 * {@link InputLog.UnreadableInputException}, which {@link Main} prints).
 */
final class SerialBoard {
    /** What a command does with the connected board. */
    interface Work<T> {
        T on(OpenedSession opened) throws ExecutionException, TimeoutException, InterruptedException, IOException,
                InputLog.UnreadableInputException;
    }

    private SerialBoard() {
    }

    /** The setup snapshot and profile use: a command and the first prompt may each take 20 s. */
    static Sessions.Setup setup(long timeoutMillis) {
        return Sessions.Setup.headless(timeoutMillis).withPromptTimeoutMillis(timeoutMillis);
    }

    /**
     * Opens the port, waits up to {@code connectSeconds} for the board's prompt, runs {@code work} and closes
     * the session.
     *
     * @param what        the work, for the failure line ("the snapshot")
     * @param afterFailure added to the failure line (where the received bytes were kept), or ""
     */
    static <T> T run(SerialPortOption port, Sessions.Setup setup, long connectSeconds, String what, String afterFailure,
                     Work<T> work) throws InputLog.UnreadableInputException, InterruptedException, IOException {
        return run(port, setup, connectSeconds, what, afterFailure, session -> { }, work);
    }

    /** As above, handing the session to {@code beforeConnect} first (for listeners that must hear the connect too). */
    static <T> T run(SerialPortOption port, Sessions.Setup setup, long connectSeconds, String what, String afterFailure,
                     Consumer<ProfilingSession> beforeConnect, Work<T> work)
            throws InputLog.UnreadableInputException, InterruptedException, IOException {
        try (OpenedSession opened = Sessions.serial(port.port(), port.baudRate(), setup)) {
            beforeConnect.accept(opened.session());
            opened.connect().get(connectSeconds, TimeUnit.SECONDS);
            return work.on(opened);
        } catch (ExecutionException | TimeoutException e) {
            throw new InputLog.UnreadableInputException(failure(what, port.port(), e) + afterFailure);
        }
    }

    /** "the snapshot on /dev/ttyUSB0 failed: no answer in time", without "heapscope: ". */
    static String failure(String what, String port, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return what + " on " + port + " failed: " + InputErrorText.describe(cause);
    }
}
