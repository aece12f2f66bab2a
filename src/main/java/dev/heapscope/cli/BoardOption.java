package dev.heapscope.cli;

import dev.heapscope.sim.BoardProfile;
import picocli.CommandLine.Option;

/** {@code --board NAME|FILE}: the virtual board's profile. */
final class BoardOption {

    @Option(names = "--board", defaultValue = BoardProfile.DEFAULT_NAME,
            description = "board profile name or .properties file (default: ${DEFAULT-VALUE})")
    String board;

    /** The profile; a bad name or file is a usage error that lists the boards. */
    BoardProfile profile() throws BoardChoice.BadBoardException {
        return BoardChoice.load(board);
    }
}
