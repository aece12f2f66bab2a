package dev.heapscope.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats of {@code heapscope export}, by the word the user types. */
enum ExportFormat {
    FOLDED("folded", true),
    SPEEDSCOPE("speedscope", true),
    CSV("csv", false),
    LEAKS_CSV("leaks-csv", false),
    JSON("json", false),
    SVG("svg", true),
    PNG("png", true);

    private final String word;
    private final boolean acceptsFolded;

    ExportFormat(String word, boolean acceptsFolded) {
        this.word = word;
        this.acceptsFolded = acceptsFolded;
    }

    String word() {
        return word;
    }

    /** Can be made from folded stacks alone (no records needed). */
    boolean acceptsFolded() {
        return acceptsFolded;
    }

    /** null when {@code word} names no format. */
    static ExportFormat ofWord(String word) {
        for (ExportFormat format : values()) {
            if (format.word.equals(word.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }

    static String words() {
        return Arrays.stream(values()).map(ExportFormat::word).collect(Collectors.joining("|"));
    }
}
