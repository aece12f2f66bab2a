package dev.heapscope.symbols;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed test ELFs of src/test/resources/elf (see build.sh there). */
final class TestElves {
    private TestElves() {
    }

    static Path path(String name) {
        try {
            var url = TestElves.class.getResource("/elf/" + name);
            if (url == null) {
                throw new IllegalStateException("missing test resource elf/" + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
