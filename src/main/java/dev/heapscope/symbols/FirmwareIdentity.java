package dev.heapscope.symbols;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Whether an ELF file is the firmware a board runs: ESP-IDF prints {@code ELF file SHA256: 8d4f…} at
 * boot (a prefix of the SHA-256 of the .elf file the build wrote). A stale ELF gives plausible but
 * wrong names, so a mismatch deserves a warning.
 */
public final class FirmwareIdentity {
    /** Shorter printed prefixes say too little to call a match. */
    static final int MIN_PREFIX_CHARS = 8;

    private FirmwareIdentity() {
    }

    /** The SHA-256 of {@code file}, lower-case hex. */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Whether the digest {@code printedPrefix} (as the board printed it) is compatible with the file's
     * full {@code sha256Hex}; true when the prefix is too short to tell.
     */
    public static boolean matches(String printedPrefix, String sha256Hex) {
        if (!canTell(printedPrefix)) {
            return true;
        }
        return sha256Hex.toLowerCase(Locale.ROOT).startsWith(printedPrefix.strip().toLowerCase(Locale.ROOT));
    }

    /** False for a prefix too short to tell, or the all-zero placeholder of a panic handler without a hash. */
    static boolean canTell(String printedPrefix) {
        String prefix = printedPrefix.strip();
        return prefix.length() >= MIN_PREFIX_CHARS && !prefix.chars().allMatch(c -> c == '0');
    }
}
