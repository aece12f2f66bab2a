package dev.heapscope.cli;

import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.ElfSymbolizer;
import dev.heapscope.symbols.Symbolizer;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --elf} and {@code --rom-ld}: the firmware files that name code addresses. */
final class FirmwareFiles {

    @Option(names = "--elf", paramLabel = "FIRMWARE.elf",
            description = "the firmware's ELF file: function names and source lines for code addresses")
    Path elf;

    @Option(names = "--rom-ld", paramLabel = "FILE", description = "an ESP-IDF ROM linker script "
            + "(components/esp_rom/<chip>/ld/<chip>.rom*.ld) naming ROM functions; repeatable")
    List<Path> romScripts = new ArrayList<>();

    private ElfSymbolizer opened; // set by symbolizer(): its warnings grow as lookups decode units

    /** Whether any firmware file was named (then JSON carries resolved names). */
    boolean given() {
        return elf != null || !romScripts.isEmpty();
    }

    /** Names from the ELF, then the ROM scripts; {@link Symbolizer#NONE} when neither was given. */
    Symbolizer symbolizer() throws InputLog.UnreadableInputException {
        opened = elf == null ? null : FirmwareSymbols.openElf(elf);
        return FirmwareSymbols.withRomScripts(opened == null ? Symbolizer.NONE : opened, romScripts);
    }

    /** After the output: what the ELF's lookups could not decode, one {@code heapscope: warning:} line each. */
    void printDecodeWarnings(PrintStream err) {
        FirmwareSymbols.printDecodeWarnings(opened, err);
    }

    /** As {@link #symbolizer()}, but the ELF's names from the toolchain's addr2line ({@code tool}: a path or "auto"). */
    Symbolizer withAddr2line(String tool, ParsedLog log) throws InputLog.UnreadableInputException {
        return FirmwareSymbols.withAddr2line(tool, elf, romScripts, log);
    }

    /** Warns when the board in the log printed another firmware build's digest than the ELF's. */
    void checkIdentity(ParsedLog log, PrintStream err) {
        FirmwareSymbols.checkIdentity(log, elf, err);
    }
}
