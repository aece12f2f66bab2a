package dev.heapscope.symbols;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Where code of an inlined function lies: for each address, the innermost {@code
 * DW_TAG_inlined_subroutine} covering it, which is the function name addr2line prints. Nested ranges
 * are flattened once into sorted, non-overlapping segments, so a lookup is one binary search.
 */
final class InlinedRanges {
    static final InlinedRanges EMPTY = of(List.of());

    private final int[] flippedStarts;
    private final String[] names;

    private InlinedRanges(int[] flippedStarts, String[] names) {
        this.flippedStarts = flippedStarts;
        this.names = names;
    }

    /** One range of inlined code; {@code depth} counts enclosing inlined subroutines (outermost 0). */
    record Range(long start, long end, int depth, String name) {
    }

    static InlinedRanges of(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges.stream().filter(r -> r.end() > r.start() && r.start() > 0).toList());
        sorted.sort(Comparator.comparingLong(Range::start).thenComparingInt(Range::depth)
                .thenComparing(Comparator.comparingLong(Range::end).reversed()));
        List<Long> starts = new ArrayList<>();
        List<String> segmentNames = new ArrayList<>();
        Deque<Range> open = new ArrayDeque<>();
        for (Range range : sorted) {
            closeUpTo(range.start(), open, starts, segmentNames);
            open.push(range);
            mark(range.start(), range.name(), starts, segmentNames);
        }
        closeUpTo(Long.MAX_VALUE, open, starts, segmentNames);
        int[] flipped = new int[starts.size()];
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = (int) (long) starts.get(i) ^ Integer.MIN_VALUE;
        }
        return new InlinedRanges(flipped, segmentNames.toArray(String[]::new));
    }

    /** Ends every open range that ends at or before {@code position}, marking what is innermost after each. */
    private static void closeUpTo(long position, Deque<Range> open, List<Long> starts, List<String> names) {
        while (!open.isEmpty() && open.peek().end() <= position) {
            Range closed = open.pop();
            while (!open.isEmpty() && open.peek().end() <= closed.end()) {
                open.pop(); // ended inside the one just closed (malformed nesting): gone too
            }
            mark(closed.end(), open.isEmpty() ? null : open.peek().name(), starts, names);
        }
    }

    private static void mark(long position, String name, List<Long> starts, List<String> names) {
        int last = starts.size() - 1;
        if (last >= 0 && starts.get(last) == position) {
            names.set(last, name); // a later change at one address replaces the earlier one
        } else if (position <= 0xFFFFFFFFL) {
            starts.add(position);
            names.add(name);
        }
    }

    int segmentCount() {
        return names.length;
    }

    /** The name of the innermost inlined function at {@code address}, or null when none is inlined there. */
    String innermostAt(int address) {
        int index = ElfFunctionTable.lastAtOrBefore(flippedStarts, address ^ Integer.MIN_VALUE);
        return index < 0 ? null : names[index];
    }

    @Override
    public String toString() {
        return "InlinedRanges" + Arrays.toString(names);
    }
}
