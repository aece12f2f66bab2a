#!/usr/bin/env python3
"""Writes the large hostile inputs of docs/RELIABILITY.md, "Any input up to 1 GB" (never committed: delete after).

    python3 src/bench/scripts/hostile-logs.py KIND FILE [MEGABYTES]

KIND: wide (100 records x 90,000 distinct frames, ~99 MB), monitor (3M monitor-decode lines), giantline
(one line, no newline), random (random bytes), chains (one dump, a new distinct chain per record), dumps
(many tiny dumps), folded (folded lines with distinct stacks). MEGABYTES (default 1024) sizes the last five.
"""
import os
import random
import sys

MB = 1 << 20


def wide(out, _size):
    out.write(b"100 allocations trace (100 entry buffer)\n")
    for r in range(100):
        chain = ":".join("0x%08x" % (0x40000000 + r * 360000 + 4 * i) for i in range(90000))
        out.write(b"%d bytes (@ 0x%08x) allocated CPU 0 ccount 0xe877f00c caller %s\n"
                  % (16 + r, 0x3ffb0000 + r * 64, chain.encode()))
    out.write(b"%d bytes 'leaked' in trace (100 allocations)\ntotal allocations 100 total frees 0\n"
              % sum(range(16, 116)))


def monitor(out, _size):
    # The same 3,000,000 lines the issue used: each a distinct address with its own name.
    block = []
    for i in range(3_000_000):
        block.append(b"0x%08x: function_%d at /home/user/project/main/module_%d.c:%d\n" % (0x400d0000 + 4 * i, i, i % 977, i % 3000))
        if len(block) == 10000:
            out.write(b"".join(block))
            block.clear()
    out.write(b"".join(block))


def giantline(out, size):
    chunk = (b"x at y " * 9362)[:65536]
    for _ in range(size * MB // len(chunk)):
        out.write(chunk)


def random_bytes(out, size):
    rnd = random.Random(16)
    for _ in range(size):
        out.write(rnd.randbytes(MB))


def chains(out, size):
    # One dump whose every record has a chain no other record has: 4 frames, all addresses new.
    per = 104  # bytes per record line, near enough
    records = size * MB // per
    out.write(b"%d allocations trace (%d entry buffer)\n" % (records, records))
    lines = []
    for r in range(records):
        base = 0x40000000 + 16 * r
        lines.append(b"16 bytes (@ 0x%08x) allocated CPU 0 ccount 0x%08x caller 0x%08x:0x%08x:0x%08x:0x%08x\n"
                     % (0x3ff00000 + 16 * (r % 0x10000), r & 0xffffffff, base, base + 4, base + 8, base + 12))
        if len(lines) == 10000:
            out.write(b"".join(lines))
            lines.clear()
    out.write(b"".join(lines))
    out.write(b"%d bytes 'leaked' in trace (%d allocations)\ntotal allocations %d total frees 0\n"
              % (16 * records, records, records))


def dumps(out, size):
    # Many complete one-record dumps, as a script calling heap.dump() in a loop would print.
    dump = (b"1 allocations trace (100 entry buffer)\n"
            b"64 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller 0x400d1234:0x400d5678\n"
            b"64 bytes 'leaked' in trace (1 allocations)\ntotal allocations 1 total frees 0\n")
    block = dump * 1000
    for _ in range(size * MB // len(block)):
        out.write(block)


def folded(out, size):
    lines = []
    written = 0
    i = 0
    while written < size * MB:
        line = b"app_main;task_%d;handler_%d;alloc_%d %d\n" % (i % 1000, i // 7, i, 1 + i % 97)
        lines.append(line)
        written += len(line)
        i += 1
        if len(lines) == 10000:
            out.write(b"".join(lines))
            lines.clear()
    out.write(b"".join(lines))


KINDS = {"wide": wide, "monitor": monitor, "giantline": giantline, "random": random_bytes, "chains": chains,
         "dumps": dumps, "folded": folded}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in KINDS:
        sys.exit(__doc__)
    with open(sys.argv[2], "wb", buffering=1 << 20) as f:
        KINDS[sys.argv[1]](f, int(sys.argv[3]) if len(sys.argv) > 3 else 1024)
    print(sys.argv[2], os.path.getsize(sys.argv[2]), "bytes")
