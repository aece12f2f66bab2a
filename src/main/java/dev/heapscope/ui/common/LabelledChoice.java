package dev.heapscope.ui.common;

import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/** A choice box of values shown by a word each ("Bytes" / "Count", "Leaks" / "All"). */
public final class LabelledChoice {
    private LabelledChoice() {
    }

    public static <T> ChoiceBox<T> of(List<T> values, T initial, Function<T, String> label) {
        ChoiceBox<T> choice = new ChoiceBox<>();
        choice.getItems().setAll(values);
        choice.setValue(initial);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return values.stream().filter(value -> label.apply(value).equals(text)).findFirst().orElse(initial);
            }
        });
        return choice;
    }
}
