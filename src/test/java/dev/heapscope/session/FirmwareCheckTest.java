package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FirmwareCheckTest {

    @Test
    void theIdfVersionTellsTheDialect() {
        assertThat(FirmwareCheck.dialectOf("v4.4.7")).isEqualTo(Dialect.A);
        assertThat(FirmwareCheck.dialectOf("v5.0.6")).isEqualTo(Dialect.A);
        assertThat(FirmwareCheck.dialectOf("v5.1.3")).isEqualTo(Dialect.B);
        assertThat(FirmwareCheck.dialectOf("v5.4")).isEqualTo(Dialect.B);
        assertThat(FirmwareCheck.dialectOf("v5.5.1")).isEqualTo(Dialect.C);
        assertThat(FirmwareCheck.dialectOf("v6.0-dev")).isEqualTo(Dialect.C);
        assertThat(FirmwareCheck.dialectOf(null)).isNull();
        assertThat(FirmwareCheck.dialectOf("unknown")).isNull();
        assertThat(FirmwareCheck.dialectOf("5")).as("5.0 prints A, 5.1 B, 5.5 C: a bare 5 says nothing").isNull();
        assertThat(FirmwareCheck.dialectOf("4")).isEqualTo(Dialect.A);
        assertThat(FirmwareCheck.dialectOf("release/v5.1")).isEqualTo(Dialect.B);
    }

    @Test
    void aBoardWithoutTheModuleGetsBuildAdvice() {
        CommandResult answer = new CommandResult(FirmwareCheck.PROBE, List.of("nil\tLua 5.3\t183204"), null, 0, 1);
        FirmwareCheck check = FirmwareCheck.parse(answer, "v5.1.3");
        assertThat(check.heaptracePresent()).isFalse();
        assertThat(check.luaVersion()).isEqualTo("Lua 5.3");
        assertThat(check.freeHeapBytes()).isEqualTo(183204);
        assertThat(check.advice()).contains("CONFIG_NODEMCU_CMODULE_HEAPTRACE=y");
    }

    @Test
    void aBoardWithTheModuleSaysWhichDialectToExpect() {
        CommandResult answer = new CommandResult(FirmwareCheck.PROBE, List.of("table\tLua 5.3\t150000"), null, 0, 1);
        FirmwareCheck check = FirmwareCheck.parse(answer, "v5.1.3");
        assertThat(check.heaptracePresent()).isTrue();
        assertThat(check.expectedDialect()).isEqualTo(Dialect.B);
    }

    @Test
    void dumpsLongerThanTheWatchdogAreWarnedAboutAtTheBaudTheyRunAt() {
        assertThat(DumpDuration.warning(30, 2, 115_200)).isNull();
        assertThat(DumpDuration.warning(200, 8, 115_200)).contains("interrupt watchdog").contains("115200");
        assertThat(DumpDuration.warning(100, 8, 921_600)).isNull(); // 16.8 KB: 182 ms
        assertThat(DumpDuration.warning(200, 8, 921_600)).contains("364 ms"); // 33.6 KB even at 921600
        assertThat(DumpDuration.warning(10_000, 8, 0)).as("not a UART").isNull();
    }
}
