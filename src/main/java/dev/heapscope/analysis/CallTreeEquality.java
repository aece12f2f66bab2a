package dev.heapscope.analysis;

import java.util.ArrayDeque;
import java.util.Deque;

/** {@link CallTree#equals}: the two trees walked side by side, children in name order. */
final class CallTreeEquality {
    private CallTreeEquality() {
    }

    static boolean sameNodes(CallTree a, CallTree b) {
        Deque<int[]> pending = new ArrayDeque<>();
        pending.push(new int[] {0, 0});
        while (!pending.isEmpty()) {
            int[] pair = pending.pop();
            int x = pair[0];
            int y = pair[1];
            if (!a.name(x).equals(b.name(y)) || a.total(x) != b.total(y) || a.self(x) != b.self(y)
                    || a.childCount(x) != b.childCount(y)) {
                return false;
            }
            for (int i = 0; i < a.childCount(x); i++) {
                pending.push(new int[] {a.child(x, i), b.child(y, i)});
            }
        }
        return true;
    }
}
