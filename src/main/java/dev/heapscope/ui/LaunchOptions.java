package dev.heapscope.ui;

import java.util.List;

/**
 * Command-line options of the desktop app: {@code --board NAME}, {@code --scenario NAME.lua},
 * {@code --hunt} (run the guided hunt once connected), {@code --dark}, {@code --tab NAME},
 * {@code --size WIDTHxHEIGHT} (the window's size, 1360x820 unless given), {@code --profile LUA} (profile a
 * bundled scenario's or a chunk's Lua allocations once connected; null when not asked).
 */
public record LaunchOptions(String board, String scenario, boolean hunt, boolean dark, String tab, int widthPx,
                            int heightPx, String profile) {
    public static final String DEFAULT_SCENARIO = "request-handler-leak.lua";

    public LaunchOptions(String board, String scenario, boolean hunt, boolean dark, String tab) {
        this(board, scenario, hunt, dark, tab, 1360, 820, null);
    }

    public static LaunchOptions parse(List<String> args) {
        String board = dev.heapscope.sim.BoardProfile.DEFAULT_NAME;
        String scenario = DEFAULT_SCENARIO;
        boolean hunt = false;
        boolean dark = false;
        String tab = null;
        String profile = null;
        int width = 1360;
        int height = 820;
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
                case "--profile" -> profile = hasValue ? args.get(++i) : null;
                case "--dark" -> dark = true;
                case "--size" -> {
                    String[] size = hasValue ? args.get(++i).toLowerCase(java.util.Locale.ROOT).split("x") : new String[0];
                    if (size.length == 2 && size[0].matches("\\d{3,5}") && size[1].matches("\\d{3,5}")) {
                        width = Integer.parseInt(size[0]);
                        height = Integer.parseInt(size[1]);
                    }
                }
                default -> { }
            }
        }
        return new LaunchOptions(board, scenario, hunt, dark, tab, width, height, profile);
    }
}
