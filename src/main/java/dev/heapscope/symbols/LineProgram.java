package dev.heapscope.symbols;

import java.io.IOException;

/** The DWARF line-number state machine for one line program; emits rows into a table builder. */
final class LineProgram {
    private final DwarfLineReader.LineProgramHeader header;
    private final DwarfLineTable.Builder table;

    private long address;
    private long file;
    private long line;

    LineProgram(DwarfLineReader.LineProgramHeader header, DwarfLineTable.Builder table) {
        this.header = header;
        this.table = table;
    }

    private void reset() {
        address = 0;
        file = 1;
        line = 1;
    }

    void run(ByteCursor cursor, int end) throws IOException {
        reset();
        while (cursor.position() < end) {
            int opcode = cursor.u8();
            if (opcode >= header.opcodeBase) {
                int adjusted = opcode - header.opcodeBase;
                address += (long) (adjusted / header.lineRange) * header.minimumInstructionLength;
                line += header.lineBase + adjusted % header.lineRange;
                emit();
            } else if (opcode == 0) {
                extended(cursor);
            } else {
                standard(cursor, opcode);
            }
        }
        table.abandonSequence();
    }

    private void standard(ByteCursor cursor, int opcode) throws IOException {
        switch (opcode) {
            case 1 -> emit(); // copy
            case 2 -> address += cursor.uleb() * header.minimumInstructionLength; // advance_pc
            case 3 -> line += cursor.sleb(); // advance_line
            case 4 -> file = cursor.uleb(); // set_file
            case 5 -> cursor.uleb(); // set_column
            case 6, 7, 10, 11 -> { } // negate_stmt, basic_block, prologue_end, epilogue_begin
            case 8 -> address += (long) ((255 - header.opcodeBase) / header.lineRange)
                    * header.minimumInstructionLength; // const_add_pc
            case 9 -> address += cursor.u16(); // fixed_advance_pc
            case 12 -> cursor.uleb(); // set_isa
            default -> {
                for (int i = 0; i < header.standardOpcodeLengths[opcode]; i++) {
                    cursor.uleb();
                }
            }
        }
    }

    private void extended(ByteCursor cursor) throws IOException {
        long length = cursor.uleb();
        if (length == 0) {
            return;
        }
        int next = cursor.position() + (int) Math.min(length, Integer.MAX_VALUE);
        int subOpcode = cursor.u8();
        switch (subOpcode) {
            case 1 -> { // end_sequence
                table.endSequence((int) address);
                reset();
            }
            case 2 -> address = cursor.unsigned((int) Math.min(length - 1, 8)); // set_address
            case 3 -> { // define_file (DWARF 2-4)
                String name = cursor.cString();
                long directory = cursor.uleb();
                header.fileIds.add(table.fileId(DwarfLineReader.join(header.directories, directory, name)));
            }
            default -> { } // set_discriminator and vendor opcodes carry nothing we need
        }
        cursor.seek(next);
    }

    private void emit() {
        int fileId = file >= 0 && file < header.fileIds.size() ? header.fileIds.get((int) file) : table.fileId(null);
        table.row((int) address, fileId, (int) Math.max(0, Math.min(line, Integer.MAX_VALUE)));
    }
}
