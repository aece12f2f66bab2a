package dev.heapscope.launch;

import dev.heapscope.cli.GuiStarter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code java -jar heapscope.jar} does with and without arguments, with and without a display. */
class HeapScopeTest {
    private static final Display DESKTOP = new Display(true, "");
    private static final Display NONE = new Display(false, "DISPLAY and WAYLAND_DISPLAY are not set");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<List<String>> windowsOpened = new ArrayList<>();
    private final GuiStarter window = options -> {
        windowsOpened.add(options);
        return 0;
    };

    private int run(Display display, String... args) {
        return HeapScope.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), display, window, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsOnADesktopOpensTheWindowAndPrintsNothing() {
        assertThat(run(DESKTOP)).isZero();
        assertThat(windowsOpened).containsExactly(List.of());
        assertThat(out()).isEmpty();
        assertThat(err()).isEmpty();
    }

    @Test
    void noArgumentsWithoutADisplayPrintsTheFullHelpNamingTheApp() {
        assertThat(run(NONE)).isZero();
        assertThat(windowsOpened).isEmpty();
        assertThat(out()).contains("Usage: heapscope", "heapscope gui", "Commands:", "analyze", "run", "hunt",
                "report", "Exit codes:");
        assertThat(err()).isEmpty();
    }

    @Test
    void theHelpSaysHowToStartTheApp() {
        assertThat(run(DESKTOP, "--help")).isZero();
        assertThat(windowsOpened).isEmpty();
        assertThat(out()).contains("The app (a window, the virtual board ready to hunt): heapscope gui")
                .containsPattern("(?m)^  gui +Opens the HeapScope window");
    }

    @Test
    void guiPassesTheAppsOptionsAsTheAppReadsThem() {
        assertThat(run(DESKTOP, "gui", "--dark", "--size", "1024x700", "--board", "esp32-wrover", "--scenario",
                "timer-captures-state", "--tab", "Flame graph", "--hunt")).isZero();
        assertThat(windowsOpened).containsExactly(List.of("--board", "esp32-wrover", "--scenario",
                "timer-captures-state", "--tab", "Flame graph", "--size", "1024x700", "--hunt", "--dark"));
    }

    @Test
    void guiRefusesASizeItCannotReadInOneLine() {
        assertThat(run(DESKTOP, "gui", "--size", "big")).isEqualTo(1);
        assertThat(windowsOpened).isEmpty();
        assertThat(err()).startsWith("heapscope: --size wants WIDTHxHEIGHT in pixels, e.g. 1024x700, not 'big'")
                .contains("heapscope gui --help");
    }

    @Test
    void guiHelpListsTheAppsOptions() {
        assertThat(run(DESKTOP, "gui", "--help")).isZero();
        assertThat(windowsOpened).isEmpty();
        assertThat(out()).contains("--board=NAME", "--scenario=NAME", "--hunt", "--dark", "--tab=VIEW",
                "--size=WIDTHxHEIGHT", "Exit code 4");
    }

    @Test
    void commandsStillRunWithoutADisplay() {
        assertThat(run(NONE, "--version")).isZero();
        assertThat(out()).startsWith("HeapScope ");
    }

    @Test
    void theWindowWithoutADisplayIsOneLineAndCodeFour() {
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = HeapScope.run(new PrintStream(out, true, StandardCharsets.UTF_8), errors, NONE,
                new DesktopApp(NONE, errors), "gui");
        assertThat(code).isEqualTo(GuiStarter.CANNOT_OPEN).isEqualTo(4);
        assertThat(err()).isEqualTo("heapscope: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                + "not set); the commands work without one: heapscope --help" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }
}
