package dev.heapscope.ui;

import java.util.List;

/**
 * Command-line options of the desktop app: {@code --board NAME}, {@code --scenario NAME.lua},
 * {@code --hunt} (run the guided hunt once connected), {@code --dark}, {@code --tab NAME}.
 */
public record LaunchOptions(String board, String scenario, boolean hunt, boolean dark, String tab) {
    public static final String DEFAULT_SCENARIO = "request-handler-leak.lua";

    public static LaunchOptions parse(List<String> args) {
        String board = dev.heapscope.sim.BoardProfile.DEFAULT_NAME;
        String scenario = DEFAULT_SCENARIO;
        boolean hunt = false;
        boolean dark = false;
        String tab = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean hasValue = i + 1 < args.size();
            switch (arg) {
                case "--board" -> board = hasValue ? args.get(++i) : board;
                case "--scenario" -> {
                    scenario = hasValue ? args.get(++i) : scenario;
                    scenario = scenario.endsWith(".lua") ? scenario : scenario + ".lua";
                }
                case "--tab" -> tab = hasValue ? args.get(++i) : null;
                case "--hunt" -> hunt = true;
                case "--dark" -> dark = true;
                default -> { }
            }
        }
        return new LaunchOptions(board, scenario, hunt, dark, tab);
    }
}
