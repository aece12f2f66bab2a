/* Test firmware for HeapScope's ELF symbolizer: a few functions, one static, calls into util.c. */
#include "util.h"

static int buffer_count;

static int __attribute__((noinline)) count_buffers(int extra)
{
    int total = buffer_count;
    for (int i = 0; i < extra; i++) {
        total += checksum(i);
    }
    return total;
}

int leak_some_memory(int rounds)
{
    int kept = 0;
    for (int i = 0; i < rounds; i++) {
        kept += scale(i, 3);
        if (kept > 1000) {
            kept -= count_buffers(i);
        }
    }
    buffer_count += kept;
    return kept;
}

int main(void)
{
    int result = leak_some_memory(7);
    result += count_buffers(2);
    return result + checksum(result);
}
