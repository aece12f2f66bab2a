package dev.heapscope.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;

/** {@code --fail-on-leak BYTES}: a CI gate, exit code 3 when more than BYTES leaked. */
final class LeakGate {

    @Option(names = "--fail-on-leak", paramLabel = "BYTES",
            description = "exit with code 3 when more than BYTES bytes leaked")
    Long failOnLeakBytes;

    /** {@link ExitCodes#LEAK_GATE} (and why, on {@code err}) past the gate, else {@link ExitCodes#OK}. */
    int verdict(long leakedBytes, PrintStream err) {
        if (failOnLeakBytes != null && leakedBytes > failOnLeakBytes) {
            err.println("heapscope: leaked " + leakedBytes + " bytes, more than --fail-on-leak " + failOnLeakBytes);
            return ExitCodes.LEAK_GATE;
        }
        return ExitCodes.OK;
    }
}
