package dev.heapscope.ui;

import dev.heapscope.export.LogExport;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The menu bar: File (open, save, recent sessions, Export, Screenshot) and View (theme, the views).
 * Everything that is not a heaptrace verb lives here, so the toolbars below never overflow, and each
 * item shows its shortcut.
 */
final class AppMenus extends MenuBar {
    static final List<String> VIEWS = List.of("Leaks", "Flame graph", "Retained by", "Diff", "Console", "Timeline");

    /**
     * @param screenshot (whole window?, scale): saves a PNG
     * @param toggleTheme switches light and dark
     * @param showView   selects the view with this index in {@link #VIEWS}
     */
    AppMenus(SessionFiles files, SessionExports exports, BiConsumer<Boolean, Double> screenshot,
             Runnable toggleTheme, IntConsumer showView) {
        setId("menu-bar");
        setUseSystemMenuBar(true); // the screen's menu bar on macOS, in the window elsewhere
        getMenus().setAll(fileMenu(files, exports, screenshot), viewMenu(toggleTheme, showView));
    }

    private Menu fileMenu(SessionFiles files, SessionExports exports, BiConsumer<Boolean, Double> screenshot) {
        Menu file = new Menu("File");
        file.setId("file-menu");
        MenuItem open = item("Open…", "file-open", () -> files.askOpen(getScene()));
        open.setAccelerator(shortcut(KeyCode.O));
        MenuItem save = item("Save…", "file-save", () -> files.askSave(getScene()));
        save.setAccelerator(shortcut(KeyCode.S));
        Menu export = new Menu("Export");
        export.setId("export-menu");
        for (LogExport.Format format : LogExport.Format.values()) {
            export.getItems().add(item(format.title() + "…", "export-" + format.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'), () -> exports.ask(format, getScene().getWindow())));
        }
        Menu png = new Menu("Screenshot (PNG)");
        png.setId("screenshot-menu");
        for (double scale : new double[] {1, 2}) {
            String suffix = scale == 1 ? "" : " at 2×";
            MenuItem view = item("Current view" + suffix, null, () -> screenshot.accept(false, scale));
            MenuItem window = item("Whole window" + suffix, null, () -> screenshot.accept(true, scale));
            if (scale == 1) {
                view.setAccelerator(shortcut(KeyCode.P));
                window.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            }
            png.getItems().addAll(view, window);
        }
        int fixed = 3;
        file.getItems().addAll(open, save, new SeparatorMenuItem(), new SeparatorMenuItem(), export, png);
        // the recent sessions and logs, between the separators, as they are when the menu opens
        file.setOnShowing(e -> {
            file.getItems().remove(fixed, file.getItems().size() - 3);
            List<Path> recent = files.recentFiles();
            if (recent.isEmpty()) {
                MenuItem none = new MenuItem("No recent sessions");
                none.setDisable(true);
                file.getItems().add(fixed, none);
            }
            for (int i = 0; i < recent.size(); i++) {
                Path path = recent.get(i);
                file.getItems().add(fixed + i, item(path.getFileName() + "  \u2014  " + path.getParent(), null,
                        () -> files.openAsked(path)));
            }
        });
        return file;
    }

    private static Menu viewMenu(Runnable toggleTheme, IntConsumer showView) {
        Menu view = new Menu("View");
        view.setId("view-menu");
        MenuItem theme = item("Light / dark theme", "view-theme", toggleTheme);
        theme.setAccelerator(shortcut(KeyCode.L));
        view.getItems().addAll(theme, new SeparatorMenuItem());
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        for (int i = 0; i < VIEWS.size(); i++) {
            int index = i;
            MenuItem item = item(VIEWS.get(i), null, () -> showView.accept(index));
            item.setAccelerator(shortcut(digits[i]));
            view.getItems().add(item);
        }
        return view;
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The Lua menu: Profile Lua allocations… (Ctrl+Shift+A), and the Flame graph's Lua allocations shown. */
    void addLuaMenu(Runnable profile, Runnable showProfiles) {
        Menu lua = new Menu("Lua");
        lua.setId("lua-menu");
        MenuItem run = item("Profile Lua allocations…", "lua-profile", profile);
        run.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        lua.getItems().addAll(run, item("Show Lua allocations", "lua-show", showProfiles));
        getMenus().add(lua);
    }
}
