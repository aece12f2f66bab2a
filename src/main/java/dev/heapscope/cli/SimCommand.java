package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.FlashProject;
import dev.heapscope.sim.SimulatedBoard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code heapscope sim --pty LINK}: the virtual board on a pseudo-terminal, until interrupted. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Serves the virtual NodeMCU board on a pseudo-terminal, so screen, picocom or HeapScope's",
                "serial mode talk to it like to a real board. Runs until interrupted (Ctrl-C) or --seconds."},
        footer = {"", "Examples:", "  heapscope sim --pty /tmp/esp32 &   picocom -b 115200 /tmp/esp32",
                "  heapscope sim --pty /tmp/esp32 --project my-app/ &   heapscope hunt --port /tmp/esp32 --wait-for-enter"})
final class SimCommand implements Callable<Integer> {

    @Option(names = "--pty", paramLabel = "LINK", required = true,
            description = "symlink to create for the pseudo-terminal's device (removed on exit)")
    Path link;

    @Mixin
    BoardOption board;

    @Option(names = "--fast", description = "do not pace output to the board's baud rate")
    boolean fast;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0: run until interrupted)")
    long seconds;

    @Option(names = "--project", paramLabel = "PATH", description = {"a .lua file or a project folder (init.lua plus",
            "modules) put into the board's flash before it boots; init.lua runs at boot"})
    Path project;

    private final PrintStream err;

    SimCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        BoardProfile profile;
        try {
            profile = board.profile();
        } catch (BoardChoice.BadBoardException e) {
            err.println("heapscope: " + InputErrorText.describe(e));
            return ExitCodes.USAGE;
        }
        FlashProject files = null;
        if (project != null) {
            try {
                files = FlashProject.read(project);
            } catch (FlashProject.UnloadableException e) {
                err.println("heapscope: --project " + InputErrorText.describe(e));
                return ExitCodes.UNREADABLE_INPUT;
            }
        }
        SimulatedBoard simulated = SimulatedBoard.create(profile, BoardOptions.defaults().withRealTime(true));
        if (files != null) {
            files.writeInto(simulated.console().files(), null);
            simulated.console().setWorld(files.world());
        }
        BoardOnPty served;
        try {
            served = BoardOnPty.serve(simulated, link, !fast);
        } catch (java.nio.file.NoSuchFileException e) {
            // its message is the bare path
            err.println("heapscope: cannot serve the board on a pseudo-terminal: " + link.toAbsolutePath().getParent()
                    + ": no such directory");
            return ExitCodes.UNREADABLE_INPUT;
        } catch (IOException e) {
            err.println("heapscope: cannot serve the board on a pseudo-terminal: " + InputErrorText.describe(e));
            return ExitCodes.UNREADABLE_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            served.close();
            stopped.countDown();
        }, "heapscope-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.printf("Virtual board %s on %s, linked at %s (%d baud%s%s). Ctrl-C stops.%n", profile.name(),
                served.slavePath(), link, profile.baudRate(), fast ? ", unpaced" : "",
                files != null ? ", flash: " + files.describe() : "");
        try {
            if (seconds > 0) {
                stopped.await(seconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } finally {
            served.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return ExitCodes.OK;
    }
}
