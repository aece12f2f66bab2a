package dev.heapscope.sim;

import dev.heapscope.sim.lib.WorldSettings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment header of a Lua scenario (simulator/scenarios/*.lua): the {@code -- } lines before its
 * first line of code. {@code -- Scenario: TITLE} names it; {@code -- expect.KEY = VALUE} lines state
 * what a run of it must show, every key optional:
 * <ul>
 * <li>{@code seconds}: virtual seconds its timers need after the script (default 0)</li>
 * <li>{@code warmup.seconds}: the script and this many virtual seconds run before the trace starts, so
 * what it sets up for good (connections, servers, timers) is not counted; the hunt then traces
 * {@code seconds} of its steady state (default: no warm-up, the script itself is traced)</li>
 * <li>{@code leak.function}, {@code leak.line}: some leak has this innermost Lua frame</li>
 * <li>{@code min.leaked.bytes}, {@code max.leaked.bytes}: bounds of what leaks</li>
 * <li>{@code held.by}: the leaks at that function and line are held by a path starting with this</li>
 * </ul>
 * {@code -- world.KEY = VALUE} lines describe the world around the board (network peers and schedules,
 * GPIO input, sensors) for the modules that read them ({@link dev.heapscope.sim.lib.WorldSettings}).
 * Components of what the header does not state are null ({@code virtualSeconds}: 0).
 * Read strictly: an unknown key, a value that is not a number where one is needed, a key given twice,
 * or an {@code expect.} line below the header is an error naming the file and line, so a mistyped
 * expectation cannot pass silently as "none".
 */
public record ScenarioHeader(String title, long virtualSeconds, Long warmupSeconds, String leakFunction, Integer leakLine,
                             Long minLeakedBytes, Long maxLeakedBytes, String heldBy, WorldSettings world) {

    /** The {@code expect.*} keys, as written after {@code expect.}. */
    public static final List<String> KEYS = List.of("seconds", "warmup.seconds", "leak.function", "leak.line", "min.leaked.bytes",
            "max.leaked.bytes", "held.by");

    private static final String TITLE = "Scenario:";
    private static final Pattern EXPECT = Pattern.compile("expect\\.(\\S*?)\\s*(=\\s*(.*))?");
    private static final Pattern WORLD = Pattern.compile("world\\.([A-Za-z0-9_.]+)\\s*=\\s*(.*\\S)\\s*");

    /** A header that states nothing: the title is null and no expectation is set. */
    public static final ScenarioHeader NONE = new ScenarioHeader(null, 0, null, null, null, null, null, null,
            WorldSettings.NONE);

    /** @param fileName for error messages */
    public static ScenarioHeader read(String fileName, String text) throws MalformedException {
        String title = null;
        Map<String, String> values = new HashMap<>();
        Map<String, String> world = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        boolean inHeader = true;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String trimmed = lines[i].strip();
            if (!trimmed.startsWith("--")) {
                inHeader &= trimmed.isEmpty();
                continue;
            }
            String comment = trimmed.substring(2).strip();
            if (inHeader && comment.startsWith("world.")) {
                readWorld(fileName, lineNumber, comment, world);
                continue;
            }
            if (!comment.startsWith("expect.") && !comment.startsWith(TITLE)) {
                continue;
            }
            if (!inHeader) {
                if (comment.startsWith("expect.")) {
                    throw new MalformedException(fileName, lineNumber, "'" + comment
                            + "' is below the first line of code; expect.* lines belong in the header at the top");
                }
                continue;
            }
            if (comment.startsWith(TITLE)) {
                title = comment.substring(TITLE.length()).strip();
                if (title.isEmpty()) {
                    throw new MalformedException(fileName, lineNumber, "'Scenario:' without a title");
                }
                continue;
            }
            Matcher m = EXPECT.matcher(comment);
            if (!m.matches() || m.group(2) == null || m.group(3).isBlank()) {
                throw new MalformedException(fileName, lineNumber, "'" + comment + "' is not 'expect.KEY = VALUE'");
            }
            String key = m.group(1);
            if (!KEYS.contains(key)) {
                throw new MalformedException(fileName, lineNumber, "unknown key expect." + key + "; known: expect."
                        + String.join(", expect.", KEYS));
            }
            if (values.containsKey(key)) {
                throw new MalformedException(fileName, lineNumber, "expect." + key + " is given twice (first on line "
                        + lineOf.get(key) + ")");
            }
            values.put(key, m.group(3).strip());
            lineOf.put(key, lineNumber);
        }
        Numbers numbers = new Numbers(fileName, values, lineOf);
        Long seconds = numbers.get("seconds", 0, Long.MAX_VALUE);
        Long leakLine = numbers.get("leak.line", 1, Integer.MAX_VALUE);
        ScenarioHeader header = new ScenarioHeader(title, seconds == null ? 0 : seconds,
                numbers.get("warmup.seconds", 0, 24 * 3600), values.get("leak.function"),
                leakLine == null ? null : leakLine.intValue(), numbers.get("min.leaked.bytes", 0, Long.MAX_VALUE),
                numbers.get("max.leaked.bytes", 0, Long.MAX_VALUE), values.get("held.by"), new WorldSettings(world));
        header.checkConsistent(fileName, lineOf);
        return header;
    }

    /** The warm-up a script's header asks for (null: none), for running it; none when the header cannot be read. */
    public static Long warmupOf(String scriptText) {
        try {
            return read("script", scriptText).warmupSeconds();
        } catch (MalformedException e) {
            return null;
        }
    }

    /**
     * The world a script's header describes, for running it: none when the header cannot be read (the
     * script then runs in the default world; commands that check headers report the error themselves).
     */
    public static WorldSettings worldOf(String scriptText) {
        try {
            return read("script", scriptText).world();
        } catch (MalformedException e) {
            return WorldSettings.NONE;
        }
    }

    private static void readWorld(String fileName, int lineNumber, String comment, Map<String, String> world)
            throws MalformedException {
        Matcher m = WORLD.matcher(comment);
        if (!m.matches()) {
            throw new MalformedException(fileName, lineNumber, "'" + comment + "' is not 'world.KEY = VALUE'");
        }
        if (world.putIfAbsent(m.group(1), m.group(2)) != null) {
            throw new MalformedException(fileName, lineNumber, "world." + m.group(1) + " is given twice");
        }
    }

    private void checkConsistent(String fileName, Map<String, Integer> lineOf) throws MalformedException {
        if (leakLine != null && leakFunction == null) {
            throw new MalformedException(fileName, lineOf.get("leak.line"), "expect.leak.line needs expect.leak.function");
        }
        if (heldBy != null && (leakFunction == null || leakLine == null)) {
            throw new MalformedException(fileName, lineOf.get("held.by"),
                    "expect.held.by needs expect.leak.function and expect.leak.line (the leak it is about)");
        }
        if (minLeakedBytes != null && maxLeakedBytes != null && minLeakedBytes > maxLeakedBytes) {
            throw new MalformedException(fileName, lineOf.get("max.leaked.bytes"), "expect.max.leaked.bytes ("
                    + maxLeakedBytes + ") is below expect.min.leaked.bytes (" + minLeakedBytes + ")");
        }
    }

    /** The numeric keys: whole numbers in a range, null when not given. */
    private record Numbers(String fileName, Map<String, String> values, Map<String, Integer> lineOf) {
        Long get(String key, long minimum, long maximum) throws MalformedException {
            String value = values.get(key);
            if (value == null) {
                return null;
            }
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new MalformedException(fileName, lineOf.get(key), "expect." + key + " must be a whole number, not '"
                        + value + "'");
            }
            if (number < minimum || number > maximum) {
                throw new MalformedException(fileName, lineOf.get(key), "expect." + key + " must be at least " + minimum
                        + (maximum < Long.MAX_VALUE ? " and at most " + maximum : "") + ", not " + number);
            }
            return number;
        }
    }

    /** A header that cannot be read: the message names the file, the line and what is wrong. */
    public static final class MalformedException extends Exception {
        MalformedException(String fileName, int lineNumber, String problem) {
            super(fileName + " line " + lineNumber + ": " + problem);
        }
    }
}
