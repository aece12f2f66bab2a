package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * NodeMCU's {@code sjson} module as {@code components/modules/sjson.c} (dev-esp32) has it: {@code encode},
 * {@code decode}, {@code encoder} (with {@code :read}) and {@code decoder} (with {@code :write},
 * {@code :result}). Encoder and decoder are userdata whose payload is the C state (the jsonsl parser lives
 * inside the decoder's userdata); everything they hold is held by registry references, released by their
 * {@code __gc}; the decoded tables and strings are Lua objects. simulator/FIRMWARE-FACTS.md §J.
 * One per boot; board thread only.
 */
public final class SjsonModule {
    /** sjson.c DEFAULT_DEPTH: also the depth of every encoder and decoder, see {@link #depth}. */
    static final int DEFAULT_DEPTH = 20;
    /** The default JSON null of a decoder: {@code lua_pushlightuserdata(L, 0)}. */
    static final LuaValue LIGHT_NULL = new LuaUserdata(new Object());

    private final BoardContext board;
    private final LuaNumbers numbers;
    private final LuaTable module = new LuaTable();
    private final LuaTable encoderMeta = new LuaTable();
    private final LuaTable decoderMeta = new LuaTable();

    public SjsonModule(BoardContext board, LuaNumbers numbers) {
        this.board = board;
        this.numbers = numbers;
        Fn.put(module, "encode", this::encode);
        Fn.put(module, "decode", this::decode);
        Fn.put(module, "encoder", args -> encoder(args, "encoder"));
        Fn.put(module, "decoder", args -> decoder(args.arg(1), "sjson_decoder"));
        encoderMeta.set("__index", encoderMeta);
        Fn.put(encoderMeta, "read", args -> {
            SjsonEncoder encoder = check(args, SjsonEncoder.class, "read", "sjson.encoder");
            int size = 1024;
            if (args.arg(2).type() == LuaValue.TNUMBER) {
                size = Math.max(1, args.arg(2).toint());
            }
            return encoder.read(size);
        });
        Fn.put(encoderMeta, "__gc", args -> {
            check(args, SjsonEncoder.class, "__gc", "sjson.encoder").release();
            return LuaValue.NONE;
        });
        decoderMeta.set("__index", decoderMeta);
        Fn.put(decoderMeta, "write", args -> {
            SjsonDecoder decoder = check(args, SjsonDecoder.class, "write", "sjson.decoder");
            Fn.checkString(args, 2, "write");
            return decoder.write(args.arg(2).checkstring());
        });
        Fn.put(decoderMeta, "result", args -> check(args, SjsonDecoder.class, "result", "sjson.decoder").result());
        Fn.put(decoderMeta, "__gc", args -> {
            check(args, SjsonDecoder.class, "__gc", "sjson.decoder").destroy();
            return LuaValue.NONE;
        });
    }

    public LuaTable table() {
        return module;
    }

    /**
     * sjson.c reads {@code opts.depth} with {@code lua_tointeger(L, argno)}: the options table itself, which
     * is 0, so every encoder and decoder gets DEFAULT_DEPTH whatever the script asked for.
     */
    static int depth(LuaValue options) {
        return DEFAULT_DEPTH;
    }

    private <T> T check(Varargs args, Class<T> type, String function, String typeName) {
        LuaValue self = args.arg1();
        if (self instanceof LuaUserdata userdata && type.isInstance(userdata.m_instance)) {
            return type.cast(userdata.m_instance);
        }
        String got = args.narg() == 0 ? "no value" : self.typename();
        throw board.argError(1, function, typeName + " expected, got " + got);
    }

    private Varargs encoder(Varargs args, String function) {
        LuaValue value = args.arg1();
        if (!value.istable()) {
            String got = args.narg() == 0 ? "no value" : value.typename();
            throw board.argError(1, function, "table expected, got " + got);
        }
        SjsonEncoder encoder = new SjsonEncoder(board, numbers, depth(args.arg(2)));
        LuaUserdata userdata = board.newUserdata(encoder, SjsonEncoder.PAYLOAD_BYTES, encoderMeta,
                "sjson_encoder", encoder::release);
        encoder.start(value, args.arg(2));
        return userdata;
    }

    private Varargs encode(Varargs args) {
        LuaValue userdata = encoder(args, "encode").arg1();
        SjsonEncoder encoder = (SjsonEncoder) ((LuaUserdata) userdata).m_instance;
        return encoder.read(1_000_000);
    }

    private LuaValue decoder(LuaValue options, String cFunction) {
        SjsonDecoder decoder = new SjsonDecoder(board, numbers, depth(options));
        LuaUserdata userdata = board.newUserdata(decoder, SjsonDecoder.PAYLOAD_BYTES, decoderMeta, cFunction,
                decoder::destroy);
        decoder.start(options, cFunction);
        return userdata;
    }

    private Varargs decode(Varargs args) {
        LuaValue text = args.arg1();
        LuaValue userdata = decoder(args.arg(2), "sjson_decode");
        SjsonDecoder decoder = (SjsonDecoder) ((LuaUserdata) userdata).m_instance;
        if (!text.isstring()) {
            String got = args.narg() == 0 ? "no value" : text.typename();
            throw board.argError(1, "decode", "string expected, got " + got);
        }
        Varargs result = decoder.write(text.checkstring());
        if (result.narg() != 1) {
            throw new LuaError("Incomplete JSON object passed to sjson.decode");
        }
        return result;
    }
}
