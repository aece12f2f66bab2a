#!/bin/sh
# Builds the test ELFs and their golden answers. Needs Debian's gcc-xtensa-lx106 and
# binutils-xtensa-lx106, and for the RISC-V ELF gcc-riscv64-unknown-elf (apt-get install -y ...).
# The outputs are committed, so tests need no toolchain. Run from this directory: sh build.sh
set -eu
XT=xtensa-lx106-elf
RV=riscv64-unknown-elf
# -fno-inline: without -i, addr2line names the innermost inlined function, which the symbol table
# cannot know; -fdebug-prefix-map: the same paths whoever builds; -Ttext: an ESP32-like code address.
COMMON="-O1 -fno-inline -fdebug-prefix-map=$(pwd)=/firmware -nostdlib -Wl,-e,main"
for v in 2 4 5; do
    $XT-gcc -g -gdwarf-$v $COMMON -Wl,-Ttext=0x400d0000 -o app-xtensa-dwarf$v.elf app.c util.c
done
# -O2 with inlining (checksum into scale; clamp into mix into blend, in several pieces): names of inlined functions from .debug_info.
for v in 4 5; do
    $XT-gcc -g -gdwarf-$v -O2 -fdebug-prefix-map=$(pwd)=/firmware -nostdlib -Wl,-e,main -Wl,-Ttext=0x400d0000 \
        -o app-xtensa-inline-dwarf$v.elf app.c util.c inline.c
done
$RV-gcc -march=rv32imc -mabi=ilp32 -g -O2 -fdebug-prefix-map=$(pwd)=/firmware -nostdlib -Wl,-e,main \
    -Wl,-Ttext=0x42000000 -o app-riscv32-inline-dwarf5.elf app.c util.c inline.c
# The same program without debug information: names only.
$XT-gcc $COMMON -Wl,-Ttext=0x400d0000 -o app-xtensa-nodebug.elf app.c util.c
# ESP32-C3-like RISC-V (rv32imc), DWARF 5, linker relaxation on (the default).
$RV-gcc -march=rv32imc -mabi=ilp32 -g $COMMON -Wl,-Ttext=0x42000000 -o app-riscv32-dwarf5.elf app.c util.c

# Golden answers: every address from 4 bytes before the first sized function to 4 bytes after the
# last, as "address function file:line" (addr2line's ?? for unknowns, discriminators dropped).
golden() {
    tools=$1
    elf=$2
    range=$($tools-nm -n -S $elf | awk 'NF == 4 && $3 ~ /^[tT]$/ {if (!first) first = $1; end = $1; size = $2}
        END {print first, end, size}')
    set -- $range
    a=$(( 0x$1 - 4 ))
    end=$(( 0x$2 + 0x$3 + 4 ))
    addresses=""
    while [ $a -lt $end ]; do
        addresses="$addresses $(printf '0x%08x' $a)"
        a=$((a + 1))
    done
    $tools-addr2line -a -f -e $elf $addresses | paste - - - | sed 's/ (discriminator [0-9]*)//' \
        | awk -F'\t' '{print $1, $2, $3}'
}
for elf in app-xtensa-dwarf2.elf app-xtensa-dwarf4.elf app-xtensa-dwarf5.elf app-xtensa-nodebug.elf \
        app-xtensa-inline-dwarf4.elf app-xtensa-inline-dwarf5.elf; do
    golden $XT $elf > ${elf%.elf}.addr2line.txt
done
golden $RV app-riscv32-dwarf5.elf > app-riscv32-dwarf5.addr2line.txt
golden $RV app-riscv32-inline-dwarf5.elf > app-riscv32-inline-dwarf5.addr2line.txt

# Stripped: no symbol table at all (the loader must refuse it with a clear message).
$XT-strip -o app-xtensa-stripped.elf app-xtensa-nodebug.elf
