package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Names code addresses from a firmware ELF: the function from the symbol table (the nearest preceding
 * function symbol whose range holds the address) or, inside code the compiler inlined, the innermost
 * inlined function (as {@code addr2line -f} names it), and the source file:line from the DWARF line table.
 * An address outside every function resolves to nothing, even when a line row covers it, so a name is
 * never guessed. Thread-safe; lookups are binary searches over sorted arrays.
 *
 * <p>Opening reads the symbol table and the headers of the DWARF units only: a unit's line program and
 * inlined subroutines are decoded the first time an address lies in it, so naming a few addresses of a
 * large firmware costs a few units, and the answers are those of decoding everything (see
 * {@link LineTablesOnDemand}).
 */
public final class ElfSymbolizer implements Symbolizer {
    private final ElfFunctionTable functions;

    private final ElfFile elf;
    private final LineTablesOnDemand lines;
    private final DecodeWarnings warnings;
    private DwarfUnitIndex units; // the rest on first use
    private volatile InlinedRangesOnDemand inlined;
    private final int machine;
    private final List<ElfSection> codeSections;

    private ElfSymbolizer(ElfFunctionTable functions, ElfFile elf) throws IOException {
        this.functions = functions;
        this.elf = elf;
        this.warnings = new DecodeWarnings(elf.sourceName());
        this.lines = LineTablesOnDemand.open(elf, this::units, warnings);
        this.machine = elf.machine();
        this.codeSections = elf.sections().stream().filter(s -> s.executable() && s.sizeBytes() != 0).toList();
    }

    /**
     * Opens {@code elfPath}: its symbol table now, its DWARF units when a lookup first needs them; see
     * {@link Symbolizers#forElf(Path)} for the cached way.
     */
    public static ElfSymbolizer load(Path elfPath) throws IOException {
        return of(ElfFile.read(elfPath));
    }

    /** The symbolizer of an ELF already read; fails as {@link #load} does. */
    public static ElfSymbolizer of(ElfFile elf) throws IOException {
        // Every section a lookup may read, copied out of the mapping now: a memory copy of what is
        // probably in the page cache, and lookups then see the file as it was when opened.
        elf.keep(".debug_line", ".debug_info", ".debug_abbrev", ".debug_str", ".debug_line_str", ".debug_aranges",
                ".debug_ranges", ".debug_rnglists");
        ElfFunctionTable functions = ElfFunctionTable.of(elf);
        if (functions.size() == 0) {
            throw new IOException(elf.sourceName() + " has no function symbols (stripped?); "
                    + "use the unstripped .elf from the build directory");
        }
        return new ElfSymbolizer(functions, elf);
    }

    /** How many functions the symbol table gave. */
    public int functionCount() {
        return functions.size();
    }

    /** How many rows the DWARF line tables gave (0 without debug information); decodes every table. */
    public int lineRowCount() {
        return lines.rowCount();
    }

    /**
     * How many address segments lie in inlined code, counted unit by unit (0 without inlining or debug
     * information); walks every unit.
     */
    public int inlinedSegmentCount() {
        return inlined().segmentCount();
    }

    private synchronized DwarfUnitIndex units() {
        if (units == null) {
            units = DwarfUnitIndex.read(elf, warnings);
        }
        return units;
    }

    private InlinedRangesOnDemand inlined() {
        InlinedRangesOnDemand opened = inlined;
        if (opened == null) {
            synchronized (this) {
                if (inlined == null) {
                    inlined = InlinedRangesOnDemand.open(elf, units(), warnings);
                }
                opened = inlined;
            }
        }
        return opened;
    }

    /**
     * What lookups so far could not decode, one line each ("FILE: what was lost: why"), for a caller to
     * show as a warning; empty for an intact file.
     */
    public List<String> warnings() {
        return warnings.all();
    }

    /** How many {@link #warnings()} there are so far: cheap enough to ask after every lookup. */
    public int warningCount() {
        return warnings.count();
    }

    /** How many line programs have been decoded so far: what laziness saved (tests and benchmarks). */
    public int decodedLinePrograms() {
        return lines.decodedPrograms();
    }

    /** The ELF {@code e_machine}: 94 Xtensa, 243 RISC-V. */
    public int machine() {
        return machine;
    }

    /**
     * Whether {@code address} lies in one of the firmware's code sections: a call-chain frame outside
     * them (and outside ROM) is not a return address and deserves a flag in views.
     */
    public boolean isCodeAddress(int address) {
        for (ElfSection section : codeSections) {
            if (section.containsAddress(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        int index = functions.indexAt(address);
        if (index < 0) {
            return Optional.empty();
        }
        String inlinedName = inlined().innermostAt(address);
        String function = inlinedName != null ? inlinedName : functions.name(index);
        DwarfLineTable.Location location = lines.locate(address);
        if (location == null) {
            return Optional.of(new Symbol(address, function, functions.sourceFile(index), 0));
        }
        return Optional.of(new Symbol(address, function, location.file(), location.line()));
    }
}
