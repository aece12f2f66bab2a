package dev.heapscope.session;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.Holders;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.ScenarioHeader;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same script, same board, same verdict: the four scenarios hunted through the session layer in every
 * order on one board give the same leak table (chains, counts, bytes, what holds them) whatever ran
 * before, and the JVM's collector plays no part (it is made to run between hunts). The garbage scenario
 * is clean in every position. The timer scenario's logger is stopped after its hunt: left running, it
 * would go on leaking into every later hunt, truly (the held-by column then names it).
 */
@Timeout(600)
class VerdictDeterminismTest {
    private static final String[] SCENARIOS = {"cache-never-evicts.lua", "request-handler-leak.lua",
            "string-churn-not-a-leak.lua", "timer-captures-state.lua"};

    private static String text(String scenario) throws IOException {
        return Files.readString(Path.of(System.getProperty("heapscope.project.dir", "."), "simulator", "scenarios",
                scenario));
    }

    /** One hunt's leak table, a line per chain: chain, count, bytes, holders. */
    private static List<String> hunt(ProfilingSession session, SimulatedBoard board, String scenario) throws Exception {
        long seconds = ScenarioHeader.read(scenario, text(scenario)).virtualSeconds();
        GuidedHunt.Result result = new GuidedHunt(session, 500, TraceMode.LEAKS)
                .run(HuntWorkload.scriptOnVirtualBoard(board, scenario, text(scenario), seconds)).get(60, TimeUnit.SECONDS);
        assertThat(result.workloadError()).as("%s ran cleanly", scenario).isNull();
        if (seconds > 0) {
            // a timer left running keeps allocating in later hunts, as on a board (the dumps' own UART time
            // is enough for ticks): stop it, as one would before the next experiment; what it holds stays
            session.execute("sensor_logger:stop()").get(20, TimeUnit.SECONDS);
        }
        Map<CallChain, List<Record>> byChain = new LinkedHashMap<>();
        for (Record record : DumpDiff.between(result.first(), result.last()).appeared()) {
            byChain.computeIfAbsent(record.caller(), c -> new ArrayList<>()).add(record);
        }
        List<String> rows = new ArrayList<>();
        byChain.forEach((chain, records) -> rows.add(chain + " " + records.size() + " "
                + records.stream().mapToLong(Record::sizeBytes).sum() + " "
                + Holders.of(records, board.console().heldBy()).summary()));
        rows.sort(String::compareTo);
        System.gc(); // must not change anything: liveness is Lua's, not the JVM's
        return rows;
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> all = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    @Test
    void everyScenarioGivesTheSameLeakTableInEveryPositionAfterTheOthers() throws Exception {
        Map<String, List<String>> expected = new HashMap<>();
        int hunts = 0;
        for (List<String> order : permutations(List.of(SCENARIOS))) {
            SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults());
            try (ProfilingSession session = new ProfilingSession(new SimulatorTransport(board, false),
                    SessionOptions.DEFAULTS)) {
                session.connect().get(20, TimeUnit.SECONDS);
                session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);
                for (String scenario : order) {
                    List<String> table = hunt(session, board, scenario);
                    hunts++;
                    expected.putIfAbsent(scenario, table);
                    assertThat(table).as("%s after %s", scenario, order.subList(0, order.indexOf(scenario)))
                            .isEqualTo(expected.get(scenario));
                }
            }
        }
        assertThat(hunts).isEqualTo(96);
        assertThat(expected.get("string-churn-not-a-leak.lua")).isEmpty();
        assertThat(expected.get("cache-never-evicts.lua")).anyMatch(row -> row.contains("upvalue 'cache'"));
    }

    /**
     * Run again on the same board, a scenario's new strings equal to ones its previous run still holds are
     * those very strings (Lua interns short strings), so they were in the first dump already and are not new
     * leaks: from the second run on the table is the same every time. The garbage scenario stays clean.
     */
    @Test
    void eachScenarioRunFiveTimesOnOneBoardSettlesOnOneTableFromItsSecondRun() throws Exception {
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.defaults());
        try (ProfilingSession session = new ProfilingSession(new SimulatorTransport(board, false),
                SessionOptions.DEFAULTS)) {
            session.connect().get(20, TimeUnit.SECONDS);
            session.awaitPrompt(10_000).get(20, TimeUnit.SECONDS);
            Map<String, List<List<String>>> tables = new LinkedHashMap<>();
            for (int round = 0; round < 5; round++) {
                for (String scenario : SCENARIOS) {
                    tables.computeIfAbsent(scenario, s -> new ArrayList<>()).add(hunt(session, board, scenario));
                }
            }
            tables.forEach((scenario, runs) -> {
                // a timer's number counts the timers created since boot: the Nth run's timer is tmr#N
                List<List<String>> later = runs.subList(1, runs.size()).stream()
                        .map(rows -> rows.stream().map(row -> row.replaceAll("tmr#\\d+", "tmr#N")).toList()).toList();
                assertThat(later).as(scenario).allSatisfy(rows -> assertThat(rows).isEqualTo(later.get(0)));
                assertThat(runs.get(0).size()).as(scenario).isGreaterThanOrEqualTo(later.get(0).size());
            });
            assertThat(tables.get("string-churn-not-a-leak.lua")).allSatisfy(rows -> assertThat(rows).isEmpty());
        }
    }
}
