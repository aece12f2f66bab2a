package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.HeapSample;

/** Reads the answer to {@code =node.heap()}: one number on a line of its own. */
final class HeapReading {
    private HeapReading() {
    }

    /** The sample, or null when the answer holds no number (an error, a module missing). */
    static HeapSample parse(CommandResult answer, long fallbackMillis) {
        if (answer.failed()) {
            return null;
        }
        for (String line : answer.output()) {
            if (isNumber(line)) {
                long millis = answer.answeredAtMillis() > 0 ? answer.answeredAtMillis() : fallbackMillis;
                return new HeapSample(millis, Long.parseLong(line.strip()));
            }
        }
        return null;
    }

    /** A line that is only a byte count. */
    static boolean isNumber(String line) {
        String text = line.strip();
        return !text.isEmpty() && text.length() < 19 && text.chars().allMatch(Character::isDigit);
    }
}
