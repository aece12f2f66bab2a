package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * NodeMCU's {@code i2c} module as {@code components/modules/i2c.c} and {@code i2c_hw_master.c} (dev-esp32)
 * have it, master side, over {@link I2cBus}. {@code i2c.SW} acts at once; {@code i2c.HW0}/{@code HW1} queue
 * commands on an IDF command link until {@code transfer}, synchronous or, with a callback (held by a registry
 * reference until the transfer task has called it), asynchronous. simulator/FIRMWARE-FACTS.md §K.
 * One per boot; board thread only.
 */
public final class I2cModule {
    static final int SW = 0;
    private static final int ID_MAX = 3;
    static final int TRANSMITTER = 0;
    static final int RECEIVER = 1;

    private final BoardContext board;
    private final I2cBus bus;
    private final TaskQueue tasks;
    private final LuaTable module = new LuaTable();
    private final I2cHwMaster[] masters = new I2cHwMaster[2];
    private boolean swAddressed;
    private boolean swReading;
    private int swRead;

    public I2cModule(BoardContext board, TaskQueue tasks) {
        this.board = board;
        this.tasks = tasks;
        this.bus = new I2cBus(board::world);
        Fn.put(module, "setup", this::setup);
        Fn.put(module, "start", args -> {
            int id = id(args, "start");
            if (id == SW) {
                swAddressed = false;
            } else {
                master(args, id).start();
            }
            return LuaValue.NONE;
        });
        Fn.put(module, "stop", args -> {
            int id = id(args, "stop");
            if (id == SW) {
                swAddressed = false;
            } else {
                master(args, id).stop();
            }
            return LuaValue.NONE;
        });
        Fn.put(module, "address", this::address);
        Fn.put(module, "write", this::write);
        Fn.put(module, "read", this::read);
        Fn.put(module, "transfer", args -> {
            int id = Fn.checkInteger(board, args, 1, "transfer");
            return master(args, id).transfer(args);
        });
        module.set("FASTPLUS", 1_000_000);
        module.set("FAST", 400_000);
        module.set("SLOW", 100_000);
        module.set("TRANSMITTER", TRANSMITTER);
        module.set("RECEIVER", RECEIVER);
        module.set("SW", SW);
        module.set("HW0", 1);
        module.set("HW1", 2);
    }

    public LuaTable table() {
        return module;
    }

    private int id(Varargs args, String function) {
        long id = Fn.checkInteger(board, args, 1, function) & 0xffffffffL; // unsigned
        if (id >= ID_MAX) {
            throw board.argError(1, function, "invalid i2c interface id");
        }
        return (int) id;
    }

    private I2cHwMaster master(Varargs args, int id) {
        int port = id - 1;
        if (port < 0 || port >= masters.length) {
            throw board.argError(1, "transfer", "invalid hardware id");
        }
        if (masters[port] == null) {
            throw new LuaError("no commands scheduled");
        }
        return masters[port];
    }

    private Varargs setup(Varargs args) {
        int id = id(args, "setup");
        int sda = Fn.checkInteger(board, args, 2, "setup");
        int scl = Fn.checkInteger(board, args, 3, "setup");
        long speed = Fn.checkInteger(board, args, 4, "setup") & 0xffffffffL;
        for (int pin : new int[]{sda, scl}) { // MOD_CHECK_ID(gpio, pin)
            if (!GpioModule.valid(pin)) {
                throw new LuaError("gpio " + pin + " does not exist");
            }
        }
        if (id == SW) {
            if (speed > 100_000) {
                throw board.argError(4, "setup", "i2c speed too high for i2c.SW interface");
            }
            return LuaValue.valueOf((int) speed);
        }
        if (speed > 1_000_000) {
            throw board.argError(4, "setup", "i2c speed too high for i2c.HWx interfaces");
        }
        int stretch = args.narg() > 4 ? Fn.checkInteger(board, args, 5, "setup") : 1;
        if (!GpioModule.validOutput(sda)) {
            throw board.argError(2, "setup", "invalid sda pin");
        }
        if (!GpioModule.validOutput(scl)) {
            throw board.argError(3, "setup", "invalid scl pin");
        }
        if (speed == 0) {
            throw board.argError(4, "setup", "invalid speed");
        }
        if (stretch <= 0) {
            throw board.argError(5, "setup", "invalid stretch factor");
        }
        if (masters[id - 1] == null) {
            masters[id - 1] = new I2cHwMaster(board, bus, tasks);
        }
        masters[id - 1].setup();
        // i2c_get_timeout times the stretch factor: ten SCL periods in 80 MHz APB ticks (a plausible value)
        return LuaValue.valueOf(Math.min(0xfffff, (int) (80_000_000L / speed) * 10 * stretch));
    }

    private Varargs address(Varargs args) {
        int id = id(args, "address");
        int address = Fn.checkInteger(board, args, 2, "address");
        if (address < 0 || address > 127) {
            throw board.argError(2, "address", "i2c address out of 7-bit range");
        }
        int direction = Fn.checkInteger(board, args, 3, "address");
        if (direction != TRANSMITTER && direction != RECEIVER) {
            throw board.argError(3, "address", "invalid i2c address direction");
        }
        boolean ackCheck = args.isnoneornil(4) || args.arg(4).toboolean();
        if (id != SW) {
            master(args, id).write((address << 1) | direction, ackCheck);
            return LuaValue.TRUE; // queued: the ACK is known only at transfer
        }
        swAddressed = bus.acknowledges(address);
        swReading = direction == RECEIVER;
        swRead = 0;
        if (swAddressed && !swReading) {
            bus.beginWrite();
        }
        return LuaValue.valueOf(swAddressed);
    }

    private Varargs write(Varargs args) {
        int id = id(args, "write");
        int last = args.narg();
        boolean ackCheck = true;
        if (args.arg(last).isboolean()) {
            ackCheck = args.arg(last).toboolean();
            last--;
        }
        if (last < 2) {
            throw new LuaError("not enough or wrong arg types for i2c.write");
        }
        int wrote = 0;
        for (int n = 2; n <= last; n++) {
            LuaValue data = args.arg(n);
            byte[] bytes;
            if (data.type() == LuaValue.TNUMBER) {
                int value = Fn.checkInteger(board, args, n, "write");
                if (value < 0 || value > 255) {
                    throw new LuaError("numeric value for i2c.write does not fit in 1 byte");
                }
                bytes = new byte[]{(byte) value};
            } else if (data.istable()) {
                bytes = new byte[data.length()];
                for (int i = 0; i < bytes.length; i++) {
                    LuaValue item = data.rawget(i + 1);
                    int value = Fn.checkInteger(board, LuaValue.varargsOf(new LuaValue[]{item}), 1, "write");
                    if (value < 0 || value > 255) {
                        throw new LuaError("table value for i2c.write does not fit in 1 byte");
                    }
                    bytes[i] = (byte) value;
                }
            } else {
                Fn.checkString(args, n, "write");
                LuaString s = data.checkstring();
                bytes = java.util.Arrays.copyOfRange(s.m_bytes, s.m_offset, s.m_offset + s.m_length);
            }
            for (byte b : bytes) {
                if (id != SW) {
                    master(args, id).write(b & 0xff, ackCheck);
                } else if (!swAddressed || swReading) {
                    if (ackCheck) {
                        return LuaValue.valueOf(wrote); // NACK: stop counting here
                    }
                } else {
                    bus.write(b & 0xff);
                }
                wrote++;
            }
        }
        return LuaValue.valueOf(wrote);
    }

    private Varargs read(Varargs args) {
        int id = id(args, "read");
        long size = Fn.checkInteger(board, args, 2, "read") & 0xffffffffL;
        if (size == 0) {
            throw board.argError(2, "read", "i2c read size of 0 is invalid");
        }
        if (id != SW) {
            master(args, id).read((int) Math.min(size, Integer.MAX_VALUE));
            return LuaValue.NONE;
        }
        byte[] bytes = new byte[(int) Math.min(size, 4096)];
        for (int i = 0; i < bytes.length; i++) { // nobody drives SDA: a released bus reads 0xff
            bytes[i] = (byte) (swAddressed && swReading ? bus.read(swRead++) : 0xff);
        }
        return board.newString(bytes, "i2c_read");
    }
}
