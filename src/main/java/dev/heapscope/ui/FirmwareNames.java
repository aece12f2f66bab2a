package dev.heapscope.ui;

import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.symbols.ElfSymbolizer;
import dev.heapscope.symbols.FirmwareMatch;
import dev.heapscope.symbols.SymbolTable;
import dev.heapscope.symbols.Symbolizer;
import dev.heapscope.symbols.Symbolizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where the views' function names come from: the virtual board's own symbols, a real board's firmware ELF
 * (remembered per port, checked against the digest the board printed at boot), or else the names the
 * ESP-IDF monitor already wrote into the log.
 */
public final class FirmwareNames {
    private final SessionViewModel owner;
    private final Executor work;
    private final ElfChoices choices;
    private volatile Symbolizer symbolizer = Symbolizer.NONE;
    private volatile Path elfFile;
    private volatile String port; // a serial board's: the ELF chosen is remembered for it

    FirmwareNames(SessionViewModel owner, Executor work, ElfChoices choices) {
        this.owner = owner;
        this.work = work;
        this.choices = choices;
    }

    /** A new session (on serial {@code port}, or null): names from {@code symbols} until an ELF is chosen. */
    void reset(Symbolizer symbols, String port) {
        symbolizer = symbols;
        elfFile = null;
        this.port = port;
    }

    /** FX thread. After connecting to a serial board: the ELF chosen for it last time, if it is still there. */
    void restoreChoice() {
        String current = port;
        if (current != null) {
            choices.remembered(current).ifPresent(this::use);
        }
    }

    /** FX thread. Names real-board frames from this firmware ELF (then the log's monitor names). */
    public CompletableFuture<Void> use(Path elf) {
        String port = this.port;
        SessionSnapshot seen = owner.snapshotProperty().get(); // FX thread: the snapshot is the FX thread's
        return CompletableFuture.runAsync(() -> {
            try {
                ElfSymbolizer names = Symbolizers.forElf(elf);
                elfFile = elf;
                symbolizer = names.orElse(monitorNames());
                FirmwareMatch match = FirmwareMatch.of(seen == null ? List.of() : seen.events(), elf);
                String warning = match.mismatch() ? "Warning: " + match.message() : null;
                if (port != null) {
                    choices.remember(port, elf);
                }
                owner.refreshViews();
                owner.onFx(() -> owner.say(warning != null ? warning : "Names from " + elf.getFileName() + " ("
                        + names.functionCount() + " functions)"));
            } catch (IOException e) {
                owner.onFx(() -> owner.say("Cannot use the ELF: " + e.getMessage()));
            }
        }, work);
    }

    private Symbolizer monitorNames() {
        SymbolTable table = new SymbolTable();
        SessionSnapshot last = owner.snapshotProperty().get();
        if (last != null) {
            last.symbols().forEach(table::add);
        }
        return table;
    }

    public Symbolizer symbolizer() {
        return symbolizer;
    }

    /** The firmware ELF naming this session's frames (saved with the session, with its hash), or null. */
    public Path elfFile() {
        return elfFile;
    }
}
