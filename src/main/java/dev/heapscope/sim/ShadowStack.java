package dev.heapscope.sim;

/**
 * The Lua frames of one Lua thread (main or coroutine), innermost at {@code depth - 1}. Java functions
 * that report their calls ({@code pcall}, {@code xpcall}) are not frames, only marks of the depth they
 * were called at, so that their return does not pop the Lua frame that called them.
 */
final class ShadowStack {
    private ShadowFrame[] frames = new ShadowFrame[32];
    private int[] javaCallDepths = new int[8];
    private int javaCalls;
    int depth;

    void enterJava() {
        if (javaCalls == javaCallDepths.length) {
            javaCallDepths = java.util.Arrays.copyOf(javaCallDepths, javaCalls * 2);
        }
        javaCallDepths[javaCalls++] = depth;
    }

    /** A return: of the innermost Java call if it was made at this depth, else of the innermost Lua frame. */
    /** Whether the next {@link #exit()} ends a pcall/xpcall rather than a Lua frame. */
    boolean inJavaCall() {
        return javaCalls > 0 && javaCallDepths[javaCalls - 1] == depth;
    }

    void exit() {
        if (javaCalls > 0 && javaCallDepths[javaCalls - 1] == depth) {
            javaCalls--;
        } else {
            pop();
        }
    }

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

    /** Frame {@code level} counted from the outermost (0). */
    ShadowFrame frame(int level) {
        return frames[level];
    }

    /** Frame {@code level} counted from the innermost (0). */
    ShadowFrame fromTop(int level) {
        return frames[depth - 1 - level];
    }

    void clear() {
        while (depth > 0) {
            pop();
        }
        javaCalls = 0;
    }
}
