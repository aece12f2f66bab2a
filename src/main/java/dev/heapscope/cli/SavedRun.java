package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.SavedSession;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.SessionStore;
import dev.heapscope.sim.BoardProfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code run --save}: the session layer's own session file, written while the board (and its names) still exist. */
final class SavedRun {
    private SavedRun() {
    }

    /** Saves the session of {@code opened} to {@code file}; null when saved, else why not in one line. */
    static String save(OpenedSession opened, BoardProfile profile, Path file) throws InterruptedException {
        try {
            SessionSnapshot snapshot = opened.session().snapshot().get(30, TimeUnit.SECONDS);
            byte[] transcript = opened.session().transcript().get(30, TimeUnit.SECONDS);
            SessionStore.save(SavedSession.of(snapshot, transcript, profile.name(), null, opened.symbols(),
                    opened.heldBy()), file);
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return "cannot save the session: the virtual board did not answer";
        } catch (java.nio.file.NoSuchFileException e) {
            return "cannot save the session to " + file + ": no such folder";
        } catch (java.nio.file.AccessDeniedException e) {
            return "cannot save the session to " + file + ": permission denied";
        } catch (IOException e) {
            return "cannot save the session to " + file + ": " + InputErrorText.describe(e);
        }
    }
}
