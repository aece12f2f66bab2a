package dev.heapscope.model;

import java.util.Arrays;

/**
 * The return addresses recorded with an allocation (or a free), innermost first: frame 0 is the
 * caller of the allocator. Immutable; equal chains are usually the same instance because parsers
 * intern them through {@link CallChainInterner}, so a million records share a few hundred chains.
 */
public final class CallChain {
    public static final CallChain EMPTY = new CallChain(new int[0]);

    private final int[] frames;
    private final int hash;

    private CallChain(int[] frames) {
        this.frames = frames;
        this.hash = Arrays.hashCode(frames);
    }

    /** A chain of these addresses (copied), innermost first. */
    public static CallChain of(int... frames) {
        return frames.length == 0 ? EMPTY : new CallChain(frames.clone());
    }

    /** Takes ownership of the array: the caller must not change it afterwards. */
    static CallChain adopt(int[] frames) {
        return frames.length == 0 ? EMPTY : new CallChain(frames);
    }

    /** Whether this chain is {@code frames[0, length)}, compared in place. */
    boolean hasFrames(int[] frames, int length) {
        return Arrays.equals(this.frames, 0, this.frames.length, frames, 0, length);
    }

    public int depth() {
        return frames.length;
    }

    public boolean isEmpty() {
        return frames.length == 0;
    }

    /** The address at {@code index}, 0 being the innermost frame. */
    public int frame(int index) {
        return frames[index];
    }

    /** A copy of the addresses, innermost first. */
    public int[] frames() {
        return frames.clone();
    }

    /** {@code 0x400d1234:0x400d5678}, innermost first, as the firmware prints it (without trailing colon). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(frames.length * 11);
        for (int i = 0; i < frames.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(Hex.of(frames[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other == this
                || other instanceof CallChain chain && chain.hash == hash && Arrays.equals(chain.frames, frames);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
