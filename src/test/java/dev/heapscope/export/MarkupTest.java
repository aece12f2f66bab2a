package dev.heapscope.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkupTest {

    @Test
    void scriptTagsBecomeText() {
        assertThat(Markup.escape("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    }

    @Test
    void controlCharactersXmlForbidsAreReplacedButLineBreaksStay() {
        assertThat(Markup.escape("a\u0000b\u001bc\td\ne\r\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\td\ne\r\uFFFD");
    }

    @Test
    void surrogatePairsSurviveAndLoneHalvesAreReplaced() {
        assertThat(Markup.escape("x\uD83D\uDE00y")).isEqualTo("x\uD83D\uDE00y");
        assertThat(Markup.escape("x\uD83Dy\uDE00")).isEqualTo("x\uFFFDy\uFFFD");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(Markup.escape("leak_some_memory (blink.c:27) 0x400d276d")).isEqualTo("leak_some_memory (blink.c:27) 0x400d276d");
    }
}
