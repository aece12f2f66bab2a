/* The second compilation unit of the test firmware. */
#include "util.h"

int checksum(int value)
{
    int sum = 0;
    while (value != 0) {
        sum += value & 0xFF;
        value >>= 8;
    }
    return sum ^ 0x5A;
}

int scale(int value, int factor)
{
    if (factor == 0) {
        return 0;
    }
    return value * factor + checksum(value);
}
