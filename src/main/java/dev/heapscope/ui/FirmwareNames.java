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
    private volatile List<String> warnings = List.of();
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
        warnings = List.of();
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
                // maps the file and reads its symbol table; a unit's lines are decoded when a shown frame needs them
                ElfSymbolizer names = Symbolizers.forElf(elf);
                elfFile = elf;
                warnings = List.of();
                symbolizer = new ElfWarningWatch(names, this::warned).orElse(monitorNames());
                FirmwareMatch match = FirmwareMatch.of(seen == null ? List.of() : seen.events(), elf);
                String warning = match.mismatch() ? "Warning: " + match.message() : null;
                if (port != null) {
                    choices.remember(port, elf);
                }
                owner.refreshViews();
                // a lookup of the refreshed views may have warned first: that warning must not be overwritten
                owner.onFx(() -> owner.say(warning != null ? warning : !warnings.isEmpty()
                        ? ElfWarningWatch.statusLine(warnings)
                        : "Names from " + elf.getFileName() + " (" + names.functionCount() + " functions)"));
            } catch (IOException e) {
                owner.onFx(() -> owner.say("Cannot use the ELF: " + dev.heapscope.session.InputErrorText.describe(e)));
            }
        }, work);
    }

    /** Any thread: a lookup found part of the ELF undecodable; the status bar says so. */
    private void warned(List<String> all) {
        warnings = List.copyOf(all);
        owner.onFx(() -> owner.say(ElfWarningWatch.statusLine(all)));
    }

    /** What the firmware ELF's lookups could not decode so far, one line each (empty for an intact file). */
    public List<String> warnings() {
        return warnings;
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
