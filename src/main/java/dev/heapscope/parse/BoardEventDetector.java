package dev.heapscope.parse;

import dev.heapscope.model.BoardEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises {@link BoardEvent}s in single console lines (without the line terminator; ANSI colours
 * allowed). Pure and stateless; every check is a linear scan, so long garbage lines stay cheap. The one
 * detector: the live console and the log parser both ask it, so a session and its saved transcript
 * see the same events.
 */
public final class BoardEventDetector {
    private static final String GURU = "Guru Meditation Error:";
    private static final String ABORT = "abort() was called at PC ";
    private static final String ELF_SHA = "ELF file SHA256:";
    private static final String BANNER_LUA = " powered by Lua ";
    // IDF 3-4 print it bare, IDF 5 as an I-level log line of the "BOD" tag: the phrase is the same
    private static final String BROWNOUT = "Brownout detector was triggered";

    private BoardEventDetector() {
    }

    /** The event {@code line} announces, if any. */
    public static Optional<BoardEvent> detect(CharSequence rawLine) {
        String line = AnsiCodes.strip(rawLine).stripTrailing();
        BoardEvent crash = crash(line);
        if (crash != null) {
            return Optional.of(crash);
        }
        int brownout = line.indexOf(BROWNOUT);
        if (brownout >= 0 && !quotedAt(line, brownout)) {
            return Optional.of(new BoardEvent.Brownout());
        }
        int sha = line.indexOf(ELF_SHA);
        if (sha >= 0 && (sha == 0 || logLine(line) != null)) {
            String hex = leadingHex(line, skipSpaces(line, sha + ELF_SHA.length()));
            if (!hex.isEmpty()) {
                return Optional.of(new BoardEvent.ElfSha256(hex));
            }
        }
        BoardEvent event = logLine(line);
        if (event == null) {
            event = firstOf(line);
        }
        return Optional.ofNullable(event);
    }

    private static BoardEvent firstOf(String line) {
        if (line.startsWith("NodeMCU ") && line.contains(BANNER_LUA)) {
            return banner(line);
        }
        if (line.startsWith("rst:0x")) {
            return reset(line);
        }
        if (line.equals("Rebooting...")) {
            return new BoardEvent.Rebooting();
        }
        if (line.startsWith("Backtrace:")) {
            return backtrace(line);
        }
        if (line.startsWith("Lua error:")) {
            return new BoardEvent.LuaError(line.substring("Lua error:".length()).strip());
        }
        return null;
    }

    private static BoardEvent crash(String line) {
        int guru = line.indexOf(GURU);
        if (guru >= 0 && !quotedAt(line, guru)) {
            int i = skipSpaces(line, guru + GURU.length());
            int core = -1;
            if (line.startsWith("Core", i)) {
                i = skipSpaces(line, i + 4);
                int digitsEnd = skipDigits(line, i);
                core = digitsEnd > i && digitsEnd - i < 3 ? Integer.parseInt(line.substring(i, digitsEnd)) : -1;
                i = digitsEnd;
            }
            int open = line.indexOf('(', i);
            int close = open < 0 ? -1 : line.indexOf(')', open);
            String reason = open < 0 ? line.substring(i).strip()
                    : close < 0 ? line.substring(open + 1).strip() : line.substring(open + 1, close);
            return new BoardEvent.Crash(core, reason, line.substring(0, guru));
        }
        int abort = line.indexOf(ABORT);
        if (abort >= 0 && !quotedAt(line, abort)) {
            int onCore = line.indexOf(" on core ", abort);
            int core = -1;
            String reason = line.substring(abort).strip();
            if (onCore >= 0) {
                int digits = onCore + " on core ".length();
                int digitsEnd = skipDigits(line, digits);
                if (digitsEnd > digits && digitsEnd - digits < 3) {
                    core = Integer.parseInt(line.substring(digits, digitsEnd));
                    reason = line.substring(abort, onCore);
                }
            }
            return new BoardEvent.Crash(core, reason, line.substring(0, abort));
        }
        return null;
    }

    /** A crash text right after a quote is someone's string literal (an echoed command), not a crash. */
    private static boolean quotedAt(String line, int index) {
        return index > 0 && (line.charAt(index - 1) == '"' || line.charAt(index - 1) == '\'');
    }

    /** {@code L (millis) tag: message}; also {@code tag:message} as the Wi-Fi driver prints. */
    private static BoardEvent.LogLine logLine(String line) {
        if (line.length() < 5 || "EWIDV".indexOf(line.charAt(0)) < 0 || line.charAt(1) != ' '
                || line.charAt(2) != '(') {
            return null;
        }
        int digitsEnd = skipDigits(line, 3);
        if (digitsEnd == 3 || digitsEnd - 3 > 18 || digitsEnd + 1 >= line.length()
                || line.charAt(digitsEnd) != ')' || line.charAt(digitsEnd + 1) != ' ') {
            return null;
        }
        long millis = Long.parseLong(line.substring(3, digitsEnd));
        String rest = line.substring(digitsEnd + 2);
        int colon = rest.indexOf(':');
        int space = rest.indexOf(' ');
        if (colon <= 0 || (space >= 0 && space < colon)) {
            return new BoardEvent.LogLine(line.charAt(0), millis, "", rest);
        }
        return new BoardEvent.LogLine(line.charAt(0), millis, rest.substring(0, colon),
                rest.substring(colon + 1).strip());
    }

    private static BoardEvent.Banner banner(String line) {
        int luaAt = line.indexOf(BANNER_LUA);
        int buildAt = line.indexOf(" build ");
        String build = buildAt >= 0 && buildAt < luaAt ? line.substring(buildAt + 7, luaAt).strip() : "";
        int i = luaAt + BANNER_LUA.length();
        int luaEnd = tokenEnd(line, i);
        String lua = line.substring(i, luaEnd);
        i = skipSpaces(line, luaEnd);
        String flavour = "";
        if (i < line.length() && line.charAt(i) == '[') {
            int close = line.indexOf(']', i);
            if (close > 0) {
                flavour = line.substring(i + 1, close);
                i = close + 1;
            }
        }
        String idf = "";
        int idfAt = line.indexOf(" on IDF ", luaEnd);
        if (idfAt >= 0) {
            int start = idfAt + " on IDF ".length();
            idf = line.substring(start, tokenEnd(line, start));
            if (idf.startsWith("v")) {
                idf = idf.substring(1);
            }
        }
        return new BoardEvent.Banner(build, lua, flavour, idf);
    }

    /** {@code rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)}. */
    private static BoardEvent.Reset reset(String line) {
        int codeStart = "rst:0x".length();
        String code = leadingHex(line, codeStart);
        if (code.isEmpty() || code.length() > 7) {
            return null;
        }
        String reason = parenthesised(line, codeStart + code.length());
        int bootCode = -1;
        String bootMode = "";
        int boot = line.indexOf("boot:0x");
        if (boot >= 0) {
            String bootHex = leadingHex(line, boot + 7);
            if (!bootHex.isEmpty() && bootHex.length() <= 7) {
                bootCode = Integer.parseInt(bootHex, 16);
                bootMode = parenthesised(line, boot + 7 + bootHex.length());
            }
        }
        return new BoardEvent.Reset(Integer.parseInt(code, 16), reason, bootCode, bootMode);
    }

    private static BoardEvent.Backtrace backtrace(String line) {
        List<Long> pcs = new ArrayList<>();
        boolean corrupted = false;
        int i = "Backtrace:".length();
        while (i < line.length()) {
            i = skipSpaces(line, i);
            int end = tokenEnd(line, i);
            if (end == i) {
                break;
            }
            String token = line.substring(i, end);
            if (token.startsWith("|<-CORRUPTED")) {
                corrupted = true;
            } else if (token.startsWith("0x")) {
                String pc = leadingHex(token, 2);
                if (!pc.isEmpty() && pc.length() <= 8) {
                    pcs.add(Long.parseLong(pc, 16));
                }
            }
            i = end;
        }
        return pcs.isEmpty() && !corrupted ? null : new BoardEvent.Backtrace(pcs, corrupted);
    }

    /** Text inside the parentheses following {@code from} (after spaces), or "". */
    private static String parenthesised(String line, int from) {
        int i = skipSpaces(line, from);
        if (i >= line.length() || line.charAt(i) != '(') {
            return "";
        }
        int close = line.indexOf(')', i);
        return close < 0 ? "" : line.substring(i + 1, close);
    }

    private static String leadingHex(String text, int from) {
        int i = from;
        while (i < text.length() && isAsciiHex(text.charAt(i))) {
            i++;
        }
        return text.substring(from, i);
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
