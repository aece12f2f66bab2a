package dev.heapscope.model;

import java.util.List;

/**
 * Something a console line says about the board itself rather than about the REPL: it booted, reset,
 * crashed, logged. Recognised by the parser pass ({@code parse.BoardEventDetector}); immutable.
 */
public sealed interface BoardEvent {

    /** What sort of event this is, for counting and filtering without a chain of instanceof. */
    enum Kind { BANNER, RESET, REBOOTING, CRASH, BACKTRACE, BROWNOUT, ELF_SHA256, LOG_LINE, LUA_ERROR }

    Kind kind();

    /**
     * NodeMCU's boot banner, e.g. {@code NodeMCU ESP32 build 2024-10-25 powered by Lua 5.3.5
     * [5.3-int32-singlefp] on IDF v5.1.3}. In the middle of a session it means the board reset and every
     * heap-trace state is gone. Parts the banner does not show are empty strings.
     *
     * @param build      the build stamp after {@code build} (usually a date)
     * @param luaVersion e.g. {@code 5.3.5}
     * @param luaFlavour the bracketed build flavour, e.g. {@code 5.3-int32-singlefp}
     * @param idfVersion e.g. {@code 5.1.3} (without the {@code v})
     */
    record Banner(String build, String luaVersion, String luaFlavour, String idfVersion) implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.BANNER;
        }
    }

    /** The ROM's reset line, e.g. {@code rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)}; -1/"" when absent. */
    record Reset(int reasonCode, String reason, int bootCode, String bootMode) implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.RESET;
        }
    }

    /** The panic handler's {@code Rebooting...}. */
    record Rebooting() implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.REBOOTING;
        }
    }

    /**
     * {@code Guru Meditation Error: Core  1 panic'ed (Interrupt wdt timeout on CPU1).} or an
     * {@code abort() was called at PC ...}, possibly spliced onto the end of an unfinished line.
     *
     * @param core       the CPU core, -1 if the line does not say
     * @param reason     e.g. {@code Interrupt wdt timeout on CPU1}
     * @param textBefore what the line held before the crash text (a cut-off dump record), often empty
     */
    record Crash(int core, String reason, String textBefore) implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.CRASH;
        }
    }

    /**
     * {@code Backtrace: 0x4008a1b3:0x3ffbe0c0 0x4008b3c2:0x3ffbe0f0}: program counters, innermost first.
     *
     * @param corrupted the backtrace ended with {@code |<-CORRUPTED}
     */
    record Backtrace(List<Long> programCounters, boolean corrupted) implements BoardEvent {
        public Backtrace {
            programCounters = List.copyOf(programCounters);
        }

        @Override
        public Kind kind() {
            return Kind.BACKTRACE;
        }
    }

    /**
     * {@code Brownout detector was triggered}: the supply voltage sagged and the board is about to reset
     * (a {@code BROWNOUT_RST} reset line follows). Worth telling apart from a crash: the cure is a better
     * cable or power supply, not the code.
     */
    record Brownout() implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.BROWNOUT;
        }
    }

    /** The firmware's ELF digest prefix (to match a symbol file), lower-case hex as printed. */
    record ElfSha256(String hexPrefix) implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.ELF_SHA256;
        }
    }

    /**
     * An ESP-IDF log line such as {@code I (6261) wifi: connected}.
     *
     * @param level  one of {@code E W I D V}
     * @param millis milliseconds since boot, as printed
     */
    record LogLine(char level, long millis, String tag, String message) implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.LOG_LINE;
        }
    }

    /** NodeMCU's {@code Lua error: } line; the message without the leading tab. */
    record LuaError(String message) implements BoardEvent {
        @Override
        public Kind kind() {
            return Kind.LUA_ERROR;
        }
    }
}
