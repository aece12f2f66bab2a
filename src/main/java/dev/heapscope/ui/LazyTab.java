package dev.heapscope.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A view tab whose view is made the first time it is needed: when the tab is selected, or when the
 * window asks for the view (a hunt's diff, a frame searched from the leak table). Building every view
 * before the window first shows cost most of a second of start-up: their controls, styles and layout,
 * for tabs the user may never open.
 */
final class LazyTab<T extends Node> {
    private final Tab tab;
    private final Supplier<T> build;
    private T view;

    LazyTab(String name, Supplier<T> build) {
        this.build = build;
        tab = new Tab(name);
        tab.setId("tab-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                view();
            }
        });
    }

    Tab tab() {
        return tab;
    }

    /** The view, made now if it was not yet (FX thread). */
    T view() {
        if (view == null) {
            view = build.get();
            tab.setContent(view);
            StartupTrace.mark(tab.getText() + " view built");
        }
        return view;
    }

    /** Does {@code action} to the view only if it exists: a view not made yet has nothing to reset. */
    void ifBuilt(Consumer<T> action) {
        if (view != null) {
            action.accept(view);
        }
    }
}
