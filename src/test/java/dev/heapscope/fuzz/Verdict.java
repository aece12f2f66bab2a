package dev.heapscope.fuzz;

/**
 * What the oracle said about one input: held (with the outcome counted, e.g. {@code exit 2}), held with a note
 * (a doubt the lead decides on, saved like a finding but not failing the run), or broken with the problem and
 * the command that shows it again.
 */
record Verdict(String problem, String command, String outcome, String note) {

    static Verdict held(String outcome) {
        return new Verdict(null, null, outcome, null);
    }

    static Verdict noted(String outcome, String note, String command) {
        return new Verdict(null, command, outcome, note);
    }

    static Verdict broken(String problem, String command) {
        return new Verdict(problem, command, null, null);
    }

    boolean isHeld() {
        return problem == null;
    }
}
