/* Nested inlining for the -O2 test ELFs: clamp inlined into mix inlined into blend, in pieces. */
static inline int clamp(int value, int low, int high)
{
    if (value < low) {
        return low;
    }
    if (value > high) {
        return high;
    }
    return value;
}

static inline int mix(int a, int b)
{
    int x = clamp(a * 3, -100, 100);
    return x ^ clamp(b, 0, 50);
}

int blend(int a, int b, int n)
{
    int sum = 0;
    for (int i = 0; i < n; i++) {
        sum += mix(a + i, b - i);
        if (sum > 1000) {
            sum = clamp(sum, 0, 500) + mix(sum, i);
        }
    }
    return sum;
}
