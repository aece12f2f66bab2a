package dev.heapscope.ui;

import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.ProfileRun;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.sim.Scenario;
import dev.heapscope.ui.flame.LuaProfileTexts;
import dev.heapscope.ui.flame.LuaProfiles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

import java.util.concurrent.CompletableFuture;

/**
 * Runs the allocation profiler on the connected board (virtual or serial) from the app: asks what to run, uploads
 * and runs it off the FX thread with its progress in the status line, cancellable (what arrived is kept, marked
 * incomplete), and adds the profile to the session's {@link LuaProfiles}. Every failure is one line, in the status
 * bar and the console. Properties change on the FX thread.
 */
final class LuaProfileRuns {
    static final long TIMEOUT_MILLIS = 300_000;
    private final SessionViewModel session;
    private final LuaProfiles profiles;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final Button action = new Button();
    private CompletableFuture<String> cancel; // FX thread; completing it cuts the profile under way
    private final Runnable showProfile;
    private LuaProfileRequest last;

    /** @param showProfile brings the profile just added into view (FX thread) */
    LuaProfileRuns(SessionViewModel session, LuaProfiles profiles, Runnable showProfile) {
        this.session = session;
        this.profiles = profiles;
        this.showProfile = showProfile;
        action.setId("lua-profile-run");
        action.textProperty().bind(Bindings.when(busy).then("Cancel profile").otherwise("Profile Lua allocations…"));
        action.setTooltip(new Tooltip("Run a workload on the board under the allocation profiler: bytes per Lua line "
                + "and call stack, drawn here (Ctrl+Shift+A)"));
        action.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        action.disableProperty().bind(busy.not().and(session.connectionProperty().isNotEqualTo(ConnectionState.CONNECTED)));
        session.connectionProperty().addListener((obs, old, now) -> {
            if (now == ConnectionState.DISCONNECTED || now == ConnectionState.CONNECTING) {
                abandon();
            }
        });
    }

    /** The bar's button: runs a profile, or cancels the one under way. */
    Button action() {
        return action;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The button's and the shortcut's action (FX thread): cancels a run under way, else asks what to run. */
    void askOrCancel(Window owner, Scenario preselected) {
        if (busy.get()) {
            cancel("cancelled by the user; the board finishes the workload and its last lines go to the console");
            return;
        }
        if (session.liveSession() == null) {
            note("Lua profile not started: connect to a board first.");
            return;
        }
        new LuaProfileDialog(session.liveBoard() != null, ScenarioCatalog.load(), preselected, last).ask(owner)
                .thenAccept(request -> {
                    if (request != null) {
                        run(request);
                    }
                });
    }

    /** Runs the request on the live session (FX thread); completes with the profile shown, or fails after saying why. */
    CompletableFuture<LuaAllocationProfile> run(LuaProfileRequest request) {
        ProfilingSession live = session.liveSession();
        String refusal = live == null ? "connect to a board first"
                : busy.get() ? "a profile is already running: wait for it or cancel it"
                : session.hunts().busyProperty().get() ? "a guided hunt is running: wait for it or cancel it"
                : session.luaHeap().busyProperty().get() ? "an agent snapshot is running: wait for it or cancel it"
                : null;
        if (refusal != null) {
            note("Lua profile not started: " + refusal + ".");
            return UserMessages.failed(refusal);
        }
        ProfileRun run;
        try {
            run = new ProfileRun(ProfileRun.shippedProfiler());
        } catch (java.io.IOException e) {
            note("Lua profile failed: " + UserMessages.reason(e));
            return CompletableFuture.failedFuture(e);
        }
        last = request;
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancel = cancelled;
        busy.set(true);
        session.say("Lua profile: uploading the profiler and running " + request.name() + " under its hook… "
                + "(Cancel profile in Flame graph)");
        live.holdLuaPolls(); // a poll's garbage would be charged to the workload's line
        return run.run(live, request.workload(), request.settings(), TIMEOUT_MILLIS, cancelled)
                .whenComplete((profile, error) -> {
                    live.releaseLuaPolls();
                    session.onFx(() -> finished(cancelled, request, profile, error));
                });
    }

    private void finished(CompletableFuture<String> cancelled, LuaProfileRequest request, LuaAllocationProfile profile,
                          Throwable error) {
        if (cancel != cancelled) {
            return; // abandoned: a new board's state is not this run's to change
        }
        cancel = null;
        busy.set(false);
        boolean empty = profile == null || !profile.complete() && profile.lines().isEmpty() && profile.stacks().isEmpty();
        if (empty && cancelled.isDone()) {
            note("Lua profile of " + request.name() + " cancelled before its results arrived: the board finishes the "
                    + "workload, its last lines go to the console");
            return;
        }
        if (error != null) {
            note("Lua profile of " + request.name() + " failed: " + UserMessages.reason(error));
            return;
        }
        if (empty) {
            // the workload did not compile or run, or the firmware has no hook: nothing to draw, the reason is all
            note("Lua profile of " + request.name() + " failed: " + profile.problem() + " (nothing was measured)");
            return;
        }
        LuaProfiles.Entry entry = profiles.add(request.name(), profile);
        showProfile.run();
        if (profile.complete()) {
            session.say(LuaProfileTexts.done(entry));
        } else {
            note(LuaProfileTexts.done(entry));
        }
    }

    /** Cuts the run under way, keeping what arrived (FX thread); nothing when none runs. */
    void cancel(String why) {
        CompletableFuture<String> running = cancel;
        if (running != null) {
            running.complete(why);
        }
    }

    /**
     * The board is gone: the run under way is cut and forgotten at once (its session may never answer again), so a
     * new one may start on the next board.
     */
    private void abandon() {
        CompletableFuture<String> running = cancel;
        if (running != null) {
            cancel = null;
            busy.set(false);
            running.complete("the board was disconnected while the profile ran");
            note("Lua profile cancelled: the board was disconnected while it ran");
        }
    }

    /** A line in the status bar and, as the hunt's are, in the console. */
    private void note(String message) {
        session.hunts().note(message);
    }
}
