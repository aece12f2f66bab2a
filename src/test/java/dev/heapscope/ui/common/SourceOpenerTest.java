package dev.heapscope.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceOpenerTest {

    @Test
    void theEditorTemplateGetsTheFileAndLine(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("blink.c"), "int main(void) { return 0; }\n");
        assertThat(SourceOpener.command(source + ":27", "idea --line {line} {file}", false))
                .contains(List.of("idea", "--line", "27", source.toString()));
        assertThat(SourceOpener.command(source + ":27", null, true))
                .contains(List.of("code", "-g", source + ":27"));
        assertThat(SourceOpener.command(source.toString(), null, false)).contains(List.of("xdg-open", source.toString()));
        assertThat(SourceOpener.isLocal(source + ":27")).isTrue();
    }

    @Test
    void aFileBuiltOnAnotherMachineIsNotOpened() {
        assertThat(SourceOpener.command("/home/ci/esp-idf/blink.c:27", null, true)).isEmpty();
        assertThat(SourceOpener.isLocal("/home/ci/esp-idf/blink.c:27")).isFalse();
        assertThat(SourceOpener.isLocal(null)).isFalse();
    }
}
