package dev.heapscope.launch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPreloadTest {
    private static InputStream lines(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loadsTheNamedClassesAndSkipsCommentsAndClassesThatAreGone() throws IOException {
        int loaded = ClassPreload.load(lines("# a comment\n\ndev/heapscope/launch/Display\n"
                + "dev.heapscope.launch.WhyNoWindow\ndev/heapscope/NoSuchClassAnyMore\n"));
        assertThat(loaded).isEqualTo(2);
    }

    @Test
    void noListLoadsNothing() throws IOException {
        assertThat(ClassPreload.load(null)).isZero();
    }

    /** A list gone stale (classes renamed since it was made) still builds, but archives less: remake it then. */
    @Test
    void theShippedListStillNamesTheAppsClasses() throws IOException {
        List<String> ours;
        try (InputStream list = ClassPreload.class.getResourceAsStream(ClassPreload.LIST)) {
            assertThat(list).as(ClassPreload.LIST).isNotNull();
            ours = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("dev/heapscope/")).toList();
        }
        assertThat(ours).hasSizeGreaterThan(300);
        int found = ClassPreload.load(lines(String.join("\n", ours)));
        assertThat(found).as("classes of the list that still exist (else run src/bench/scripts/startup-classes.sh)")
                .isGreaterThanOrEqualTo(ours.size() * 9 / 10);
    }
}
