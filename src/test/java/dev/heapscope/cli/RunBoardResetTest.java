package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: a board that reboots during {@code run} loses its trace; the user is told why, in one line. */
@Timeout(120)
class RunBoardResetTest {
    @TempDir
    Path dir;

    @Test
    void aRestartFromATimerIsExitTwoNamingTheReboot() throws Exception {
        Path script = Files.writeString(dir.resolve("restart.lua"),
                "tmr.create():alarm(500, tmr.ALARM_SINGLE, function() node.restart() end)\n");

        CliRunner run = CliRunner.run("run", script.toString(), "--seconds", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo(
                "heapscope: the board rebooted during the run: the script restarted it; the heap trace was lost");
    }

    @Test
    void theWatchdogsLinesNameTheWatchdogAsTheCause() {
        BoardResets resets = new BoardResets();
        resets.see("rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)"); // the boot before the script
        assertThat(resets.describe()).isNull();

        resets.arm();
        resets.see("E (5210) task_wdt: Task watchdog got triggered. The following tasks/users did not reset");
        resets.see("Rebooting...");
        assertThat(resets.describe()).isNull(); // not yet back up
        resets.see("rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)");

        assertThat(resets.describe()).isEqualTo("the board rebooted during the run: the task watchdog fired "
                + "(a chunk ran too long without coming back); the heap trace was lost");
    }

    @Test
    void aScriptThatDoesNotResetKeepsItsVerdict() throws Exception {
        Path script = Files.writeString(dir.resolve("calm.lua"), "print('rst:0x is only text here')\n");
        CliRunner run = CliRunner.run("run", script.toString(), "--seconds", "0");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }
}
