package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.ElfSymbolizer;
import dev.heapscope.symbols.FirmwareMatch;
import dev.heapscope.symbols.RomSymbols;
import dev.heapscope.symbols.Symbolizer;
import dev.heapscope.symbols.Symbolizers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The names {@code analyze --elf/--rom-ld} adds: the firmware ELF first, then ROM linker scripts, then
 * whatever names monitors printed into the log. Also warns when the log's firmware is not the ELF.
 */
final class FirmwareSymbols {
    private FirmwareSymbols() {
    }

    /** The symbolizer to use before the log's own names; {@link Symbolizer#NONE} when no file is given. */
    static Symbolizer load(Path elf, List<Path> romScripts) throws InputLog.UnreadableInputException {
        return withRomScripts(elf == null ? Symbolizer.NONE : openElf(elf), romScripts);
    }

    /** The ELF's symbolizer (mapped; its units are decoded as lookups need them). */
    static ElfSymbolizer openElf(Path elf) throws InputLog.UnreadableInputException {
        try {
            return Symbolizers.forElf(elf);
        } catch (IOException e) {
            throw new InputLog.UnreadableInputException("--elf: " + InputErrorText.describe(e));
        }
    }

    /** {@code chain}, then the names of the ROM linker scripts. */
    static Symbolizer withRomScripts(Symbolizer chain, List<Path> romScripts) throws InputLog.UnreadableInputException {
        if (romScripts != null && !romScripts.isEmpty()) {
            try {
                return chain.orElse(RomSymbols.read(romScripts));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new InputLog.UnreadableInputException("--rom-ld: " + e.getFile() + ": no such file");
            } catch (IOException e) {
                throw new InputLog.UnreadableInputException("--rom-ld: " + InputErrorText.describe(e));
            }
        }
        return chain;
    }

    /**
     * Names from the toolchain's {@code addr2line} ({@code tool} a path, or "auto" for the PATH), every
     * address of the log's dumps asked in one batch; then ROM scripts.
     */
    static Symbolizer withAddr2line(String tool, Path elf, List<Path> romScripts, ParsedLog log)
            throws InputLog.UnreadableInputException {
        if (elf == null) {
            throw new InputLog.UnreadableInputException("--addr2line needs --elf FIRMWARE.elf");
        }
        String command = tool;
        if ("auto".equals(tool)) {
            command = dev.heapscope.symbols.Addr2lineSymbolizer.findOnPath().map(Path::toString).orElseThrow(() ->
                    new InputLog.UnreadableInputException("--addr2line: no toolchain addr2line on the PATH (tried "
                            + String.join(", ", List.of("xtensa-esp32-elf-addr2line", "riscv32-esp-elf-addr2line",
                            "addr2line")) + "); give its path"));
        }
        dev.heapscope.symbols.Addr2lineSymbolizer symbolizer;
        try {
            symbolizer = dev.heapscope.symbols.Addr2lineSymbolizer.start(command, elf);
            java.util.Set<Integer> addresses = new java.util.HashSet<>();
            log.dumps().forEach(dump -> dump.records().forEach(r -> {
                for (int i = 0; i < r.caller().depth(); i++) {
                    addresses.add(r.caller().frame(i));
                }
            }));
            symbolizer.resolveAll(addresses.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputLog.UnreadableInputException("--addr2line: cannot run " + command + ": " + InputErrorText.describe(e));
        }
        Symbolizer chain = symbolizer;
        Symbolizer rom = load(null, romScripts);
        return rom == Symbolizer.NONE ? chain : chain.orElse(rom);
    }

    /**
     * What the ELF's lookups could not decode (a damaged unit keeps its symbol names but loses lines), one
     * line each on {@code err}: known only once the lookups ran, so printed after the command's output.
     */
    static void printDecodeWarnings(ElfSymbolizer elf, PrintStream err) {
        if (elf != null) {
            elf.warnings().forEach(warning -> err.println("heapscope: warning: " + warning));
        }
    }

    /** Warns on {@code err} when the firmware digest the log's board printed last does not match {@code elf}. */
    static void checkIdentity(ParsedLog log, Path elf, PrintStream err) {
        if (elf == null) {
            return;
        }
        try {
            FirmwareMatch match = FirmwareMatch.of(log.events(), elf);
            if (match.mismatch()) {
                err.println("heapscope: warning: " + match.message());
            }
        } catch (IOException e) {
            err.println("heapscope: warning: could not compare the firmware digest: " + InputErrorText.describe(e));
        }
    }
}
