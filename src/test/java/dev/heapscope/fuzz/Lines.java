package dev.heapscope.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Bytes cut into lines that keep their terminators, so joining them gives the bytes back. */
final class Lines {
    private Lines() {
    }

    static List<byte[]> split(byte[] in) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            lines.add(java.util.Arrays.copyOfRange(in, start, in.length));
        }
        return lines;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.write(line, 0, line.length);
        }
        return out.toByteArray();
    }
}
