package dev.heapscope.model;

import java.util.List;

/**
 * One snapshot of a board's Lua heap as the HeapScope agent ({@code device-firmware/heapscope-agent.lua})
 * streamed it: every object it reached, breadth first from {@code _G} and the registry, with the object it
 * was first reached from. A snapshot whose end line never came (a reset, a crash, a cut cable) is kept with
 * {@code complete == false}, like a cut dump. Immutable.
 *
 * @param snapshotId  the number the agent gave this run (its uptime), to pair the begin and end lines
 * @param visible     what the firmware let the agent see
 * @param luaBytes    {@code collectgarbage("count")} in bytes after the agent's two collections, before the walk
 * @param objects     in the order the agent sent them (ids 1, 2, 3…)
 * @param complete    the end line came and its counts and checksum matched
 * @param problem     why the snapshot is incomplete or damaged (one line), or null
 * @param agentBytes  the agent's own peak memory above {@code luaBytes}, from its end line; -1 when unknown
 */
public record AgentSnapshot(long snapshotId, Visibility visible, long luaBytes, List<Node> objects, boolean complete,
                            String problem, long agentBytes) {

    /** What the firmware's debug module allowed. */
    public record Visibility(boolean registry, boolean upvalues, boolean locals, boolean yields) {
        /** What the agent could not see, for the user ("upvalues not visible"), or an empty text. */
        public String missing() {
            StringBuilder out = new StringBuilder();
            if (!registry) {
                out.append("registry not visible (no debug.getregistry); ");
            }
            if (!upvalues) {
                out.append("upvalues not visible (no debug.getupvalue: the firmware lacks the extended debug module); ");
            }
            if (!locals) {
                out.append("coroutine locals not visible (no debug.getlocal); ");
            }
            return out.length() == 0 ? "" : out.substring(0, out.length() - 2);
        }
    }

    /**
     * One object line.
     *
     * @param id     its place in the agent's breadth-first order, from 1
     * @param parent the id it was first reached from, 0 for a root
     * @param type   {@code table}, {@code string}, {@code function}, {@code userdata} or {@code thread}
     * @param bytes  estimated from Lua 5.3's 32-bit layouts
     * @param edge   as the agent sent it ({@code .name}, {@code [3]}, {@code ^u history}, see heapscope-agent.md)
     */
    public record Node(int id, int parent, String type, int bytes, String edge) {
    }

    public AgentSnapshot {
        objects = List.copyOf(objects);
    }

    public long totalBytes() {
        return objects.stream().mapToLong(Node::bytes).sum();
    }

    /**
     * The same snapshot in the model the virtual board's snapshots use, so growth, "Held by" and "Retained by"
     * work alike for both. An object's {@code address} is its agent id: a real board's addresses are not visible
     * from Lua.
     */
    public HeapSnapshot toHeapSnapshot(int number, String label, long atMicros) {
        List<RetainingPath> paths = AgentPaths.of(objects);
        List<HeapSnapshot.HeapObject> mapped = new java.util.ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            Node node = objects.get(i);
            mapped.add(new HeapSnapshot.HeapObject(node.id(), node.bytes(), node.type(), paths.get(i)));
        }
        return new HeapSnapshot(number, label, atMicros, mapped);
    }
}
