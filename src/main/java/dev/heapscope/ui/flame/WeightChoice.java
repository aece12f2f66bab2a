package dev.heapscope.ui.flame;

import dev.heapscope.analysis.Weight;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/** The flame graph's "Weight" chooser: frames sized by bytes (the default) or by allocation count. */
final class WeightChoice {
    private WeightChoice() {
    }

    static ChoiceBox<Weight> create(String id) {
        ChoiceBox<Weight> choice = new ChoiceBox<>();
        choice.getItems().setAll(Weight.values());
        choice.setValue(Weight.BYTES);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Weight value) {
                return value == null ? "" : value == Weight.BYTES ? "Bytes" : "Count";
            }

            @Override
            public Weight fromString(String text) {
                return "Count".equals(text) ? Weight.COUNT : Weight.BYTES;
            }
        });
        choice.setId(id);
        return choice;
    }
}
