package dev.heapscope.ui.dumps;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Read-only table columns from a getter. */
final class Columns {
    private Columns() {
    }

    static <S, T> TableColumn<S, T> of(String name, Function<S, T> value, double widthPx) {
        TableColumn<S, T> column = new TableColumn<>(name);
        column.setPrefWidth(widthPx);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
