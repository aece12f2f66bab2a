package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.sim.BoardProfile;

/** Loads the {@code --board} profile, turning a bad name into a usage error that lists the boards. */
final class BoardChoice {
    private BoardChoice() {
    }

    static BoardProfile load(String nameOrPath) throws BadBoardException {
        try {
            return BoardProfile.load(nameOrPath);
        } catch (RuntimeException e) {
            throw new BadBoardException(InputErrorText.describe(e));
        }
    }

    static final class BadBoardException extends Exception {
        BadBoardException(String message) {
            super(message);
        }
    }
}
