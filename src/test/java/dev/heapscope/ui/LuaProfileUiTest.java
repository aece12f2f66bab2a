package dev.heapscope.ui;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.export.LogExport;
import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.ui.flame.LuaProfiles;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation profile run from the app on the virtual board: the dialog, the Lua flame graph with the lines and
 * bytes the board's own heap trace attributes, the overhead, the switch back to the heap trace, the exports, and
 * a workload that does not compile (one line, nothing lost).
 */
class LuaProfileUiTest extends WindowTestBase {
    private static final String SCENARIO = "request-handler-leak.lua";

    @Test
    void theRequestHandlersProfileIsDrawnAsAFlameGraphOfItsLuaLines() throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        waitUntil("the dialog", () -> robot.lookup("#lua-profile-dialog").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#lua-profile-scenario").queryAs(ChoiceBox.class).getValue().toString()))
                .contains("request-handler-leak");
        snapshot(robot.lookup("#lua-profile-dialog").query(), "lua-profile-dialog");
        robot.clickOn("#lua-profile-baseline"); // a second run without the hook measures the overhead
        robot.clickOn("Run profile");
        waitUntil("the profile shown", () -> profiles().shown() != null && !window.luaRuns().busyProperty().get()
                && window.flameTab().lua().flame().tree() != null && window.flameTab().lua().flame().tree().nodeCount() > 1);

        assertThat(selectedTab()).isEqualTo("Flame graph");
        assertThat(onFx(() -> window.flameTab().showingLua())).isTrue();
        LuaAllocationProfile profile = onFx(() -> profiles().shown().profile());
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        Map<String, Long> perLine = new HashMap<>();
        profile.lines().forEach(line -> perLine.merge(line.where(), line.bytes(), Long::sum));
        // the lines ProfileOnVirtualBoardTest checks against the board's own heap trace attribution
        assertThat(perLine).containsKeys(SCENARIO + ":19", SCENARIO + ":20", SCENARIO + ":21", SCENARIO + ":26")
                .containsEntry(SCENARIO + ":16", 32L);
        Map<String, Long> expected = dev.heapscope.sim.LuaLineAttribution.perLine(SCENARIO, true);
        expected.forEach((where, bytes) -> assertThat(perLine.get(where)).as(where + " against the board's " + bytes)
                .isBetween(Math.round(bytes * 0.85), Math.round(bytes * 1.15)));

        // the flame: frames named by function and line, each line's frame weighing the bytes the profile gives it
        CallTree tree = onFx(() -> window.flameTab().lua().flame().tree());
        Map<String, Long> framed = frameTotals(tree);
        assertThat(framed).containsKeys("main chunk (" + SCENARIO + ":26)", "handle_request (" + SCENARIO + ":19)");
        assertThat(tree.totalValue()).isEqualTo(profile.stacks().stream().mapToLong(LuaAllocationProfile.Stack::bytes).sum());
        long handlerLine19 = profile.stacks().stream().filter(s -> s.outermostFirst().stream()
                .anyMatch(f -> f.label().equals("handle_request (" + SCENARIO + ":19)")))
                .mapToLong(LuaAllocationProfile.Stack::bytes).sum();
        assertThat(framed.get("handle_request (" + SCENARIO + ":19)")).isEqualTo(handlerLine19);

        String summary = onFx(() -> window.flameTab().lua().summaryText());
        assertThat(summary).startsWith("Lua allocations #1 of " + SCENARIO + ": ")
                .contains(String.format(java.util.Locale.ROOT, "%,d bytes", profile.totalBytes()))
                .containsPattern(" · [\\d,]+ hook calls · ")
                .containsPattern("hook overhead [\\d.]+× board time \\(measured\\)");
        assertThat(status()).startsWith("Lua profile #1 of " + SCENARIO + ": ").contains("most by " + SCENARIO + ":");

        // the top lines: the heaviest first; choosing one marks its frames
        assertThat(onFx(() -> window.flameTab().lua().lines().get(0).bytes()))
                .isEqualTo(perLine.values().stream().mapToLong(Long::longValue).max().orElseThrow());
        robot.clickOn(row("#lua-lines", 0));
        String firstLine = onFx(() -> window.flameTab().lua().lines().get(0).where());
        assertThat(onFx(() -> robot.lookup("#lua-flame-search").queryAs(TextInputControl.class).getText()))
                .isEqualTo(firstLine + ")");
        waitUntil("matched", () -> text("#lua-flame-matched").endsWith("% matched"));
        snapshot(window, "lua-flame");

        // exports of the flame shown: folded stacks and SVG of the Lua allocations
        Path folded = data.resolve("lua.folded");
        Path svg = data.resolve("lua.svg");
        onFx(() -> window.exports().export(LogExport.Format.FOLDED, folded)).get(20, java.util.concurrent.TimeUnit.SECONDS);
        onFx(() -> window.exports().export(LogExport.Format.SVG, svg)).get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Files.readString(folded, StandardCharsets.UTF_8))
                .contains("main chunk (" + SCENARIO + ":26);handle_request (" + SCENARIO + ":19) ");
        assertThat(Files.readString(svg, StandardCharsets.UTF_8)).contains("Lua allocations #1: " + SCENARIO)
                .contains("handle_request (" + SCENARIO + ":19)");

        // back to the heap trace: its own flame graph, and its exports again
        robot.clickOn("#flame-source-heap");
        waitUntil("the heap trace shown", () -> !window.flameTab().showingLua()
                && robot.lookup("#flame-canvas").tryQuery().isPresent()
                && robot.lookup("#lua-flame-canvas").tryQuery().isEmpty());
        assertThat(onFx(() -> window.flameTab().getCenter() == window.flame())).isTrue();
    }

    @Test
    void aWorkloadThatDoesNotCompileIsOneLineAndNothingIsLost() throws Exception {
        LuaProfileRequest small = LuaProfileRequest.of(LuaProfileRequest.Kind.CHUNK,
                "t = {} for i = 1, 5 do t[i] = {i} end", null, 0, true, false);
        LuaAllocationProfile first = onFx(() -> window.luaRuns().run(small)).get(90, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(first.complete()).as(String.valueOf(first.problem())).isTrue();
        waitUntil("the first profile shown", () -> profiles().entries().size() == 1 && window.flameTab().showingLua());

        onFx(() -> {
            window.profileLua();
            return null;
        });
        waitUntil("the dialog", () -> robot.lookup("#lua-profile-dialog").tryQuery().isPresent());
        onFx(() -> {
            robot.lookup("#lua-profile-kind").queryAs(ChoiceBox.class).setValue(LuaProfileRequest.Kind.CHUNK);
            return null;
        });
        robot.clickOn("Run profile"); // nothing typed: the dialog stays, saying why
        assertThat(text("#lua-profile-problem")).startsWith("Type the Lua to profile");
        robot.clickOn("#lua-profile-text").write("for i = 1, do end");
        robot.clickOn("Run profile");
        waitUntil("the answer", () -> !window.luaRuns().busyProperty().get() && status().startsWith("Lua profile"));

        String said = status();
        assertThat(said).isEqualTo("Lua profile of 'for i = 1, do end' failed: workload:1: unexpected symbol near 'do' "
                + "(nothing was measured)");
        assertThat(consoleLines()).contains("[heapscope] " + said);
        // the profile shown before is still there and shown
        assertThat(onFx(() -> profiles().entries())).hasSize(1);
        assertThat(onFx(() -> profiles().shown().profile())).isSameAs(first);
        assertThat(onFx(() -> window.flameTab().lua().summaryText())).startsWith("Lua allocations #1 of 't = {} for i");
        assertThat(session.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(onFx(() -> session.execute("=6*7")).get(20, java.util.concurrent.TimeUnit.SECONDS).text()).contains("42");
    }

    @Test
    void aProfileUnderWayIsCancelledByItsButtonAndTheBoardGoesOn() throws Exception {
        LuaProfileRequest slow = LuaProfileRequest.of(LuaProfileRequest.Kind.CHUNK,
                "t = {} for i = 1, 3000 do t[i % 100 + 1] = {i} end", null, 0, true, false);
        var running = onFx(() -> window.luaRuns().run(slow));
        onFx(() -> {
            window.select("Flame graph");
            return null;
        });
        // the tab's content is made when it is first shown, a pulse after the selection
        waitUntil("the Flame tab made", () -> robot.lookup("#lua-profile-run").tryQuery().isPresent());
        waitUntil("the button cancels", () -> text("#lua-profile-run").equals("Cancel profile"));
        assertThat(status()).startsWith("Lua profile: uploading the profiler and running 't = {} for i");
        robot.clickOn("#lua-profile-run");
        waitUntil("cancelled", () -> !window.luaRuns().busyProperty().get());
        assertThat(running.isDone()).isTrue();
        assertThat(status()).startsWith("Lua profile of 't = {} for i").contains("' cancelled before its results arrived: "
                + "the board finishes the workload, its last lines go to the console");
        assertThat(text("#lua-profile-run")).isEqualTo("Profile Lua allocations…");
        // the board finishes the workload (its watchdog may end it); then it answers again
        String answer = null;
        for (int attempt = 0; attempt < 20 && answer == null; attempt++) {
            try {
                answer = onFx(() -> session.execute("=6*7")).get(60, java.util.concurrent.TimeUnit.SECONDS).text();
            } catch (java.util.concurrent.ExecutionException busyOrRebooting) {
                Thread.sleep(250);
            }
        }
        assertThat(answer).contains("42");
        assertThat(onFx(() -> profiles().entries())).isEmpty();
    }

    private LuaProfiles profiles() {
        return window.flameTab().lua().profiles();
    }

    /** Each frame name's total over the tree (a name under several parents adds up). */
    private static Map<String, Long> frameTotals(CallTree tree) {
        Map<String, Long> totals = new HashMap<>();
        for (int node = 1; node < tree.nodeCount(); node++) {
            totals.merge(tree.name(node), tree.total(node), Long::sum);
        }
        return totals;
    }
}
