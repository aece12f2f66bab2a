#!/bin/sh
# Builds a large Xtensa firmware-like ELF for the "elf" benchmark: FILES generated C files of
# FUNCTIONS functions each, with -g (DWARF 5 line tables) and -O1, linked without libc.
# Usage: sh src/bench/elf/build-large.sh OUTPUT.elf [FILES] [FUNCTIONS]
# Needs Debian's gcc-xtensa-lx106 (apt-get install -y gcc-xtensa-lx106 binutils-xtensa-lx106).
set -eu
out=$1
files=${2:-48}
functions=${3:-800}
work=$(dirname "$out")/large-src
rm -rf "$work"
mkdir -p "$work"
f=0
while [ $f -lt $files ]; do
    awk -v f=$f -v n=$functions 'BEGIN {
        printf "/* generated: file %d */\nextern int sink;\n", f
        for (i = 0; i < n; i++) {
            printf "int __attribute__((noinline)) m%d_f%d(int v)\n{\n    int s = v * %d;\n", f, i, i + 3
            printf "    for (int k = 0; k < (v & 7); k++) {\n        s += k ^ %d;\n    }\n", i
            if (i > 0) printf "    if (s & 1) {\n        s += m%d_f%d(s >> 1);\n    }\n", f, i - 1
            printf "    sink += s;\n    return s;\n}\n\n"
        }
    }' > "$work/m$f.c"
    f=$((f + 1))
done
printf 'int sink;\nint main(void)\n{\n    return sink;\n}\n' > "$work/main.c"
xtensa-lx106-elf-gcc -g -O1 -ffunction-sections -nostdlib -Wl,-e,main -Wl,-Ttext=0x400d0000 \
    -o "$out" "$work"/*.c
