package dev.heapscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar heapscope.jar}: the headless command line over HeapScope's core. */
@Command(name = "heapscope", mixinStandardHelpOptions = true, version = "HeapScope 0.1.0",
        description = "Heap profiler for ESP32 boards running NodeMCU: reads heaptrace dumps, finds leaks.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 usage, 2 unreadable input, 3 leak gate). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
