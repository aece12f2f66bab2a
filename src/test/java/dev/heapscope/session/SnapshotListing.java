package dev.heapscope.session;

import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.model.HeapSnapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list of heap snapshots as lines to compare across processes: each snapshot's title, time, objects, bytes and a
 * digest of every object (address, size, type, both spellings of its path), then the growth rows between every
 * two, as Retained by shows them. Run as a program (in a child JVM), it opens a session file as the app does and
 * prints its snapshots so.
 */
public final class SnapshotListing {
    private SnapshotListing() {
    }

    public static List<String> of(List<HeapSnapshot> snapshots) {
        List<String> lines = new ArrayList<>();
        for (HeapSnapshot s : snapshots) {
            int digest = 1;
            for (HeapSnapshot.HeapObject o : s.objects()) {
                digest = 31 * digest + Objects.hash(o.address(), o.sizeBytes(), o.type(), o.path().grouped(),
                        o.path().concrete());
            }
            lines.add("SNAP " + s.title() + " | at " + s.atMicros() + " | " + s.objects().size() + " objects | "
                    + s.totalBytes() + " bytes | digest " + digest);
        }
        for (int i = 0; i < snapshots.size(); i++) {
            for (int j = i + 1; j < snapshots.size(); j++) {
                for (SnapshotGrowth.Row row : SnapshotGrowth.between(snapshots.get(i), snapshots.get(j)).rows()) {
                    lines.add("GROW #" + snapshots.get(i).number() + " #" + snapshots.get(j).number() + " "
                            + row.path().grouped() + " " + row.countBefore() + "/" + row.bytesBefore() + " -> "
                            + row.countAfter() + "/" + row.bytesAfter());
                }
            }
        }
        return lines;
    }

    public static void main(String[] args) throws Exception {
        SavedSession saved = args.length > 1 && args[1].equals("--autosave") ? Autosave.recover(Path.of(args[0]))
                : Sessions.openFile(Path.of(args[0]));
        java.io.PrintStream out = new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        of(saved.heapSnapshots()).forEach(out::println);
    }
}
