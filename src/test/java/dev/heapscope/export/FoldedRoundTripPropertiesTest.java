package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FoldedImport;
import dev.heapscope.analysis.FoldedStacksReader;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.model.Symbol;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedRoundTripPropertiesTest {

    @Provide
    Arbitrary<List<Record>> records() {
        Arbitrary<CallChain> chains = Arbitraries.integers().between(0x400d0000, 0x400d0010).list().ofMaxSize(6)
                .map(frames -> CallChain.of(frames.stream().mapToInt(Integer::intValue).toArray()));
        return chains.flatMap(chain -> Arbitraries.integers().between(0, 5000).map(size ->
                new Record(size, 0x3ffb0000, Region.INTERNAL, 0, 0, chain, false, CallChain.EMPTY, 0)))
                .list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<Map<Integer, String>> names() {
        return Arbitraries.maps(Arbitraries.integers().between(0x400d0000, 0x400d0010),
                Arbitraries.strings().withChars("ab ;\n\r\t#:()x-").ofMaxLength(8)).ofMaxSize(17);
    }

    @Property(tries = 300)
    void recordsToFoldedAndBackGiveTheSameTree(@ForAll("records") List<Record> records,
                                               @ForAll("names") Map<Integer, String> names) {
        FrameNamer namer = new FrameNamer(address -> Optional.ofNullable(names.get(address))
                .map(name -> new Symbol(address, name, null, 0)));
        for (Weight weight : Weight.values()) {
            CallTree tree = CallTree.of(records, weight, namer);
            String text = FoldedWriter.toText(tree);

            FoldedImport back = FoldedStacksReader.read(text, weight);

            assertThat(back.problems()).isEmpty();
            assertThat(back.tree()).isEqualTo(tree);
            assertThat(FoldedWriter.toText(back.tree())).isEqualTo(text);
        }
    }
}
