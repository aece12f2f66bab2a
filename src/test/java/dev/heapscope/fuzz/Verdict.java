package dev.heapscope.fuzz;

/**
 * What the oracle said about one input: held (with the outcome counted, e.g. {@code exit 2}), or broken with
 * the problem and the command that shows it again.
 */
record Verdict(String problem, String command, String outcome) {

    static Verdict held(String outcome) {
        return new Verdict(null, null, outcome);
    }

    static Verdict broken(String problem, String command) {
        return new Verdict(problem, command, null);
    }

    boolean isHeld() {
        return problem == null;
    }
}
