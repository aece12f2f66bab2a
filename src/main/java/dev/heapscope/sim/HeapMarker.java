package dev.heapscope.sim;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One marking pass over the Lua object graph, as Lua 5.3's collector marks: breadth first from the roots
 * through table keys and values, metatables, closures' upvalues and constants, userdata metatables and
 * the frames of coroutines, with weak tables ({@code __mode}) and ephemerons as 5.3 treats them. Tracked
 * objects are marked in {@link LuaObjects}; untracked ones (the libraries, {@code _G}) in a set of this
 * pass. Optionally records the first path to each object ({@link PathTree}). Board thread only.
 */
final class HeapMarker {
    static final LuaString MODE = LuaString.valueOf("__mode");

    private final LuaObjects objects;
    private final FrameMarker frames = new FrameMarker(this);
    private final Map<Object, Integer> untracked = new IdentityHashMap<>();
    private final Map<Prototype, Boolean> protos = new IdentityHashMap<>();
    private final WeakTables weak = new WeakTables(this);
    private final TableMarker tables = new TableMarker(this, weak);
    private Object[] queue = new Object[256];
    private int[] queueNode = new int[256];
    private int head;
    private int tail;
    private int epoch;
    private PathTree paths;
    private int[] slotNode = new int[0];
    private long work;

    HeapMarker(LuaObjects objects) {
        this.objects = objects;
    }

    /** Starts a pass; with {@code recordPaths} every marked object gets a node in {@link #paths()}. */
    void begin(boolean recordPaths) {
        epoch++;
        untracked.clear();
        protos.clear();
        weak.reset();
        head = 0;
        tail = 0;
        work = 0;
        paths = recordPaths ? new PathTree() : null;
        if (recordPaths && slotNode.length < objects.capacity()) {
            slotNode = new int[Math.max(objects.capacity(), 64)];
        }
    }

    int epoch() {
        return epoch;
    }

    PathTree paths() {
        return paths;
    }

    /** Objects marked and traversed so far in this pass (the collector's work, charged to the instruction budget). */
    long work() {
        return work;
    }

    FrameMarker frames() {
        return frames;
    }

    /** The path node of a slot marked in this pass, or -1 (no paths recorded, or not reached). */
    int nodeOf(int slot) {
        return paths != null && objects.isMarked(slot, epoch) && slot < slotNode.length ? slotNode[slot] : -1;
    }

    /** Marks a root value named {@code label}. */
    void markRoot(LuaValue value, String label) {
        mark(value, -1, PathTree.ROOT, label);
    }

    /** Marks a tracked slot as a root (an object a library call is still making). */
    void markSlotRoot(int slot, String label) {
        Object object = objects.objectAt(slot);
        if (object instanceof LuaValue value) {
            markRoot(value, label);
        }
    }

    /** Marks {@code value}, reached from {@code parent} by an edge of {@code edgeKind}/{@code edgeKey}. */
    void mark(LuaValue value, int parent, byte edgeKind, Object edgeKey) {
        if (value == null) {
            return;
        }
        if (value instanceof TrackedTable table) {
            int slot = objects.slotOf(table);
            if (slot < 0 || !objects.mark(slot, epoch)) {
                return;
            }
            work++; // a leaf is marked without a traversal, but marking it is work all the same
            int node = remember(slot, parent, edgeKind, edgeKey);
            if (table.written || !table.leaf || paths != null) {
                enqueue(table, node); // an unwritten leaf table has nothing to traverse
            }
            return;
        }
        if (value instanceof LuaString string) {
            int slot = objects.slotOf(string);
            if (slot >= 0 && objects.mark(slot, epoch)) {
                work++;
                remember(slot, parent, edgeKind, edgeKey);
            }
            return;
        }
        if (!isCollectable(value) && !(value instanceof LuaReferences)) {
            return;
        }
        int slot = objects.slotOf(value);
        int node;
        if (slot >= 0) {
            if (!objects.mark(slot, epoch)) {
                return;
            }
            node = remember(slot, parent, edgeKind, edgeKey);
        } else {
            if (untracked.containsKey(value)) {
                return;
            }
            node = paths == null ? -1 : paths.add(parent, edgeKind, edgeKey);
            untracked.put(value, node);
        }
        enqueue(value, node);
    }

    private int remember(int slot, int parent, byte edgeKind, Object edgeKey) {
        if (paths == null) {
            return -1;
        }
        if (slot >= slotNode.length) {
            slotNode = Arrays.copyOf(slotNode, Math.max(slot + 1, slotNode.length * 2));
        }
        int node = paths.add(parent, edgeKind, edgeKey);
        slotNode[slot] = node;
        return node;
    }

    private void enqueue(Object value, int node) {
        if (tail == queue.length) {
            if (head > 0) {
                System.arraycopy(queue, head, queue, 0, tail - head);
                System.arraycopy(queueNode, head, queueNode, 0, tail - head);
                Arrays.fill(queue, tail - head, tail, null);
                tail -= head;
                head = 0;
            }
            if (tail == queue.length) {
                queue = Arrays.copyOf(queue, tail * 2);
                queueNode = Arrays.copyOf(queueNode, tail * 2);
            }
        }
        queue[tail] = value;
        queueNode[tail++] = node;
    }

    /** Traverses everything marked but not yet traversed, in the order it was marked (breadth first). */
    void propagate() {
        while (head < tail) {
            Object value = queue[head];
            int node = queueNode[head];
            queue[head++] = null;
            work++;
            traverse(value, node);
        }
        head = 0;
        tail = 0;
    }

    private void traverse(Object value, int node) {
        if (value instanceof LuaTable table) {
            tables.traverse(table, node);
        } else if (value instanceof LuaClosure closure) {
            traverseClosure(closure, node);
        } else if (value instanceof LuaUserdata userdata) {
            mark(userdata.m_metatable, node, PathTree.METATABLE, null);
            if (userdata.m_instance instanceof LuaReferences held) {
                held.references((held1, label) -> mark(held1, node, PathTree.LABEL, label));
            }
        } else if (value instanceof LuaThread thread) {
            frames.markThread(thread, node);
        }
        if (value instanceof LuaReferences held && !(value instanceof LuaUserdata)) {
            held.references((held1, label) -> mark(held1, node, PathTree.LABEL, label));
        }
    }

    private void traverseClosure(LuaClosure closure, int node) {
        if (closure.upValues != null) {
            for (int i = 0; i < closure.upValues.length; i++) {
                if (closure.upValues[i] != null) {
                    LuaString name = i < closure.p.upvalues.length ? closure.p.upvalues[i].name : null;
                    mark(closure.upValues[i].getValue(), node, PathTree.UPVALUE,
                            name == null ? "?" : name.tojstring());
                }
            }
        }
        markConstants(closure.p, node);
    }

    /** A function's string constants keep equal (interned) strings alive, as on the board. */
    private void markConstants(Prototype proto, int node) {
        if (protos.put(proto, Boolean.TRUE) != null) {
            return;
        }
        for (LuaValue constant : proto.k) {
            if (constant instanceof LuaString) {
                mark(constant, node, PathTree.LABEL, "constant");
            }
        }
        for (Prototype nested : proto.p) {
            markConstants(nested, node);
        }
    }

    /** Ephemerons converge (Lua 5.3 {@code convergeephemerons}): see {@link WeakTables#converge}. */
    void convergeEphemerons() {
        weak.converge();
    }

    /** Removes the entries of weak tables whose weak key ({@code keys}) or weak value ({@code values}) is unmarked. */
    void clearWeakEntries(boolean keys, boolean values) {
        weak.clear(keys, values);
    }

    boolean recordingPaths() {
        return paths != null;
    }

    /** Whether {@code value} survives this pass: strings, numbers and the like always do. */
    boolean isMarked(LuaValue value) {
        if (value == null || value instanceof LuaString || !isCollectable(value)) {
            return true;
        }
        int slot = objects.slotOf(value);
        return slot >= 0 ? objects.isMarked(slot, epoch) : untracked.containsKey(value);
    }

    /** Whether marking {@code value} would change anything (a string not marked yet counts, unlike in {@link #isMarked}). */
    boolean needsMark(LuaValue value) {
        if (value instanceof LuaString string) {
            int slot = objects.slotOf(string);
            return slot >= 0 && !objects.isMarked(slot, epoch);
        }
        return !isMarked(value);
    }

    boolean isSlotMarked(int slot) {
        return objects.isMarked(slot, epoch);
    }

    /** Tables, Lua functions, userdata and threads; Java library functions are like C functions: never collected. */
    private boolean isCollectable(LuaValue value) {
        return value instanceof LuaTable || value instanceof LuaClosure || value instanceof LuaUserdata
                || value instanceof LuaThread || value instanceof LuaFunction && objects.slotOf(value) >= 0;
    }
}
