package dev.heapscope.ui.flame;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The Flame graph tab: what it draws is switched in its bar, the heap trace's live records or the Lua allocation
 * profile (with a chooser of this session's profiles and the action that runs one).
 */
public final class FlameTab extends BorderPane {
    private final FlameGraphView heapTrace;
    private final LuaFlamePane lua;
    private final ToggleButton heapSource = new ToggleButton("Heap trace");
    private final ToggleButton luaSource = new ToggleButton("Lua allocations");
    private final ChoiceBox<LuaProfiles.Entry> chooser = new ChoiceBox<>();
    private final Label chooserLabel = new Label("Profile");

    /** @param profileAction the control that runs a profile (placed at the bar's end) */
    public FlameTab(FlameGraphView heapTrace, LuaFlamePane lua, Node profileAction) {
        this.heapTrace = heapTrace;
        this.lua = lua;
        setId("flame-tab");
        ToggleGroup sources = new ToggleGroup();
        heapSource.setToggleGroup(sources);
        luaSource.setToggleGroup(sources);
        heapSource.setId("flame-source-heap");
        luaSource.setId("flame-source-lua");
        heapSource.setTooltip(new Tooltip("The live heap trace records of the dump shown, by call chain"));
        luaSource.setTooltip(new Tooltip("The Lua allocation profile: bytes each Lua line and call stack allocated "
                + "while a workload ran under the profiler's hook"));
        sources.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one source is always shown
            } else {
                showSource(now == luaSource);
            }
        });
        chooser.setId("lua-profile-choice");
        chooser.setTooltip(new Tooltip("This session's profiles; the latest is shown when it arrives"));
        chooser.setItems(lua.profiles().entries());
        chooser.valueProperty().addListener((obs, old, now) -> lua.profiles().show(now));
        lua.profiles().shownProperty().addListener((obs, old, now) -> chooser.setValue(now));
        lua.profiles().entries().addListener((ListChangeListener<LuaProfiles.Entry>) change -> showChooser());
        chooser.setValue(lua.profiles().shown());
        ToolBar bar = new ToolBar(new Label("Show"), heapSource, luaSource, new Separator(), chooserLabel, chooser,
                profileAction);
        bar.setId("flame-source-bar");
        setTop(bar);
        heapSource.setSelected(true);
        showChooser();
    }

    private void showSource(boolean luaShown) {
        setCenter(luaShown ? lua : heapTrace);
        showChooser();
    }

    private void showChooser() {
        boolean shown = luaSource.isSelected() && !lua.profiles().entries().isEmpty();
        for (Node node : new Node[] {chooser, chooserLabel}) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }

    public void showLua() {
        luaSource.setSelected(true);
    }

    public void showHeapTrace() {
        heapSource.setSelected(true);
    }

    public boolean showingLua() {
        return luaSource.isSelected();
    }

    public FlameGraphView heapTrace() {
        return heapTrace;
    }

    public LuaFlamePane lua() {
        return lua;
    }
}
