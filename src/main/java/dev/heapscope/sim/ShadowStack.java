package dev.heapscope.sim;

/** The Lua frames of one Lua thread (main or coroutine), innermost at {@code depth - 1}. */
final class ShadowStack {
    private ShadowFrame[] frames = new ShadowFrame[32];
    int depth;

    ShadowFrame push() {
        if (depth == frames.length) {
            frames = java.util.Arrays.copyOf(frames, depth * 2);
        }
        ShadowFrame frame = frames[depth];
        if (frame == null) {
            frame = new ShadowFrame();
            frames[depth] = frame;
        }
        depth++;
        return frame;
    }

    void pop() {
        if (depth > 0) {
            frames[--depth].leave();
        }
    }

    ShadowFrame top() {
        return depth == 0 ? null : frames[depth - 1];
    }

    /** Frame {@code level} counted from the innermost (0). */
    ShadowFrame fromTop(int level) {
        return frames[depth - 1 - level];
    }

    void clear() {
        while (depth > 0) {
            pop();
        }
    }
}
