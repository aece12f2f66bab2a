package dev.heapscope.ui;

import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.ElfSymbolizer;
import dev.heapscope.symbols.Symbolizer;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The firmware ELF's names, watched: the ELF decodes a compilation unit only when a shown frame first
 * needs it, so a damaged unit is found by whichever view asks, on whichever thread, long after the
 * file was opened. Each time a lookup leaves a new warning behind, {@code onNew} gets them all (on the
 * looking-up thread), once per new warning.
 */
final class ElfWarningWatch implements Symbolizer {
    private final ElfSymbolizer elf;
    private final Consumer<List<String>> onNew;
    private final AtomicInteger told = new AtomicInteger();

    ElfWarningWatch(ElfSymbolizer elf, Consumer<List<String>> onNew) {
        this.elf = elf;
        this.onNew = onNew;
        tellNew(); // a cached ELF may have warned already, for an earlier session
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        Optional<Symbol> found = elf.resolve(address);
        tellNew();
        return found;
    }

    private void tellNew() {
        int now = elf.warningCount();
        if (now > told.get() && told.getAndSet(now) < now) {
            onNew.accept(elf.warnings());
        }
    }

    /** One status-bar line: the first warning, and how many more there are. */
    static String statusLine(List<String> warnings) {
        String first = "Warning: " + warnings.get(0) + " (names kept, source lines lost)";
        return warnings.size() == 1 ? first : first + " and " + (warnings.size() - 1) + " more";
    }
}
