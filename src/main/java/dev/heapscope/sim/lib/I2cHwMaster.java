package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.ArrayList;
import java.util.List;

/**
 * One hardware I2C port of i2c_hw_master.c: the job being set up (an IDF command link and, after a read, a
 * {@code luaM_malloc}'d result buffer) and the transfer. The command link and its command nodes are heap
 * blocks of the IDF driver ({@code i2c_cmd_link_create}, one node per command), freed when the job is done.
 */
final class I2cHwMaster {
    /** IDF i2c_cmd_desc_t (head, cur, free): 12 bytes; i2c_cmd_link_t (i2c_cmd_t + next): 20 bytes. */
    private static final int CMD_LINK_BYTES = 12;
    private static final int CMD_NODE_BYTES = 20;
    /** sizeof(i2c_job_desc_type): port, cmd, to_ms, result, err, cb_ref. */
    private static final int JOB_BYTES = 24;
    private static final int NOREF = -2;
    /** How long an asynchronous transfer takes before its callback task is posted. */
    private static final long TRANSFER_MICROS = 1_000;

    private final BoardContext board;
    private final I2cBus bus;
    private final TaskQueue tasks;
    private Job job;

    /** A command: START, STOP, WRITE byte (ack checked or not), READ n. */
    private record Command(char type, int data, boolean ackCheck) {
    }

    private static final class Job {
        int link;
        final List<Integer> nodes = new ArrayList<>();
        final List<Command> commands = new ArrayList<>();
        int result; // block of the result buffer, 0 = none
        int resultLength;
        int cbRef = NOREF;
    }

    I2cHwMaster(BoardContext board, I2cBus bus, TaskQueue tasks) {
        this.board = board;
        this.bus = bus;
        this.tasks = tasks;
    }

    /** li2c_hw_master_setup: the driver is installed and an empty job prepared. */
    void setup() {
        freeJob(job);
        job = newJob();
    }

    private Job newJob() {
        Job created = new Job();
        created.link = board.allocateFirmware(CMD_LINK_BYTES, "i2c_cmd_link_create", "i2c_setup_ud_transfer");
        return created;
    }

    private void add(Command command, String function) {
        job.commands.add(command);
        job.nodes.add(board.allocateFirmware(CMD_NODE_BYTES, "i2c_cmd_link_append", function));
    }

    void start() {
        add(new Command('S', 0, false), "i2c_master_start");
    }

    void stop() {
        add(new Command('P', 0, false), "i2c_master_stop");
    }

    void write(int data, boolean ackCheck) {
        add(new Command('W', data, ackCheck), "i2c_master_write_byte");
    }

    void read(int length) {
        if (job.result != 0) {
            throw new LuaError("only one read per transfer supported");
        }
        // sizeof(i2c_result_type) (size_t len + data[1], padded to 8) + len - 1
        job.result = board.allocateFirmware(8 + length - 1, "luaM_malloc", "li2c_hw_master_read");
        job.resultLength = length;
        add(new Command('R', length, false), "i2c_master_read");
    }

    Varargs transfer(Varargs args) {
        int n = 2;
        if (args.arg(n).isfunction()) {
            board.unref(job.cbRef);
            job.cbRef = board.ref(args.arg(n), "i2c transfer callback");
            n++;
        }
        if (!args.isnoneornil(n)) {
            Fn.checkInteger(board, args, n, "transfer"); // to_ms: the virtual bus never stretches
        }
        Job running = job;
        job = newJob();
        if (running.cbRef != NOREF) {
            // the FreeRTOS transfer task malloc'd its job copy before it took this one off the queue
            int copy = board.allocateFirmware(JOB_BYTES, "malloc", "vTransferTask");
            byte[] data = run(running);
            board.events().after(TRANSFER_MICROS, () -> tasks.post(TaskQueue.MEDIUM, priority -> {
                LuaValue callback = board.refValue(running.cbRef);
                LuaValue result = data == null || running.result == 0 ? LuaValue.NIL
                        : board.newString(data, "i2c_transfer_task");
                board.runCallback(callback, LuaValue.varargsOf(result, LuaValue.valueOf(data != null)));
                freeJob(running);
                board.freeFirmware(copy, "free", "i2c_transfer_task");
            }));
            return LuaValue.NONE;
        }
        byte[] data = run(running);
        LuaValue result = data == null || running.result == 0 ? LuaValue.NIL
                : board.newString(data, "li2c_hw_master_transfer");
        freeJob(running);
        return LuaValue.varargsOf(result, LuaValue.valueOf(data != null));
    }

    /** i2c_master_cmd_begin on the virtual bus: the bytes read, or null for ESP_FAIL (a checked NACK). */
    private byte[] run(Job running) {
        byte[] read = new byte[running.resultLength];
        boolean addressed = false;
        boolean expectAddress = false;
        boolean reading = false;
        int readIndex = 0;
        for (Command command : running.commands) {
            switch (command.type()) {
                case 'S' -> expectAddress = true;
                case 'P' -> addressed = false;
                case 'W' -> {
                    boolean ack;
                    if (expectAddress) {
                        expectAddress = false;
                        addressed = bus.acknowledges(command.data() >> 1);
                        reading = (command.data() & 1) == I2cModule.RECEIVER;
                        readIndex = 0;
                        if (addressed && !reading) {
                            bus.beginWrite();
                        }
                        ack = addressed;
                    } else {
                        ack = addressed && !reading;
                        if (ack) {
                            bus.write(command.data());
                        }
                    }
                    if (!ack && command.ackCheck()) {
                        return null;
                    }
                }
                default -> { // 'R'
                    for (int i = 0; i < command.data(); i++) {
                        read[i] = (byte) (addressed && reading ? bus.read(readIndex++) : 0xff);
                    }
                }
            }
        }
        return read;
    }

    /** free_job_memory: the result buffer, the callback reference, the command link. */
    private void freeJob(Job done) {
        if (done == null) {
            return;
        }
        if (done.result != 0) {
            board.freeFirmware(done.result, "luaM_free", "free_job_memory");
            done.result = 0;
        }
        board.unref(done.cbRef);
        done.cbRef = NOREF;
        for (int node : done.nodes) {
            board.freeFirmware(node, "free", "i2c_cmd_link_delete");
        }
        done.nodes.clear();
        if (done.link != 0) {
            board.freeFirmware(done.link, "free", "i2c_cmd_link_delete");
            done.link = 0;
        }
    }
}
