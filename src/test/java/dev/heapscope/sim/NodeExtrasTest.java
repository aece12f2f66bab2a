package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** node.info, node.task.post and friends as nodemcu-firmware dev-esp32 node.c has them (FIRMWARE-FACTS.md §M). */
@Timeout(60)
class NodeExtrasTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void infoGivesTheGroupsOfNodeC() {
        assertThat(board.type("=next(node.info())\n")).contains("\nnil\n"); // the default group is an empty table
        assertThat(board.type("i = node.info('hw') print(i.chip_model, i.cpu_cores, i.flash_size)\n"))
                .contains("esp32\t2\t4096");
        assertThat(board.type("=node.info('sw_version').git_branch\n")).contains("dev-esp32");
        assertThat(board.type("node.info('x')\n")).contains("bad argument #1 to 'info' (invalid option 'x')");
    }

    @Test
    void egcExistsOnlyOnTheLua51Build() {
        assertThat(board.type("=node.egc\n")).contains("\nnil\n");
    }

    @Test
    void postedTasksRunLaterHighestPriorityFirstWithTheirPriority() {
        board.type("order = {} for _, p in ipairs({node.task.LOW_PRIORITY, node.task.HIGH_PRIORITY,"
                + " node.task.MEDIUM_PRIORITY}) do node.task.post(p, function(prio) order[#order + 1] = prio end) end"
                + " node.task.post(function(prio) order[#order + 1] = 'd' .. prio end)\n");
        assertThat(board.type("=#order\n")).contains("\n0\n"); // nothing runs before the chunk returns
        board.board.runVirtualTime(1);
        assertThat(board.type("=table.concat(order, ' ')\n")).contains("2 1 d1 0");
    }

    @Test
    void postChecksItsArgumentsAsNodeCDoes() {
        assertThat(board.type("node.task.post(3, print)\n")).contains("bad argument #1 to 'post' (invalid  priority)");
        assertThat(board.type("node.task.post(1, 'x')\n")).contains("bad argument #2 to 'post' (invalid function)");
        assertThat(board.type("node.task.post()\n")).contains("bad argument #1 to 'post' (invalid function)");
    }

    @Test
    void thePostedFunctionIsHeldUntilItRanThenReleased() {
        board.type("collectgarbage() collectgarbage()\n");
        int before = liveBlocks();
        board.type("do local big = string.rep('y', 3000) .. '!' node.task.post(function() return #big end) end\n");
        board.type("collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isGreaterThanOrEqualTo(before + 2);
        board.board.runVirtualTime(1);
        board.type("collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isEqualTo(before);
    }

    private int liveBlocks() {
        board.board.awaitIdle();
        return board.memory.live.size();
    }
}
