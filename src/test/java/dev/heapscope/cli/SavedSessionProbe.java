package dev.heapscope.cli;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Holders;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.session.SavedSession;
import dev.heapscope.session.Sessions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link SavedSessionAcrossProcessesTest}: opens a session file as the app does
 * ({@link Sessions#openFile}) and prints each dump's time, then the leak table of its last dump as the app's
 * leak view builds it (names from the session's symbolizer, holders from its saved paths).
 */
public final class SavedSessionProbe {
    private SavedSessionProbe() {
    }

    public static void main(String[] args) throws Exception {
        SavedSession saved = Sessions.openFile(Path.of(args[0]));
        for (Dump dump : saved.dumps()) {
            System.out.println("TIME " + dump.index() + " " + dump.receivedAtMillis());
        }
        FrameNamer namer = new FrameNamer(saved.symbolizer());
        Dump last = saved.log().lastCompleteDump().orElseThrow();
        for (LeakRow row : LeakTable.of(last).rows()) {
            System.out.println("ROW " + chain(row.chain(), namer) + " | " + Holders.of(row.records(), saved.heldBy()).summary());
        }
    }

    private static String chain(CallChain chain, FrameNamer namer) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < chain.depth(); i++) {
            names.add(namer.name(chain.frame(i)));
        }
        return String.join(" <- ", names);
    }
}
