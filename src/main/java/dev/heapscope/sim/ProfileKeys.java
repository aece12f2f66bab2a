package dev.heapscope.sim;

import dev.heapscope.model.Dialect;

import java.util.Locale;
import java.util.Properties;

/** Typed reads of a board profile's keys, with errors that name the board and the key. */
final class ProfileKeys {
    private final String board;
    private final Properties properties;

    ProfileKeys(String board, Properties properties) {
        this.board = board;
        this.properties = properties;
    }

    String text(String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    int integer(String key) {
        String value = required(key).replace("_", "");
        try {
            return value.startsWith("0x") ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(key + " must be a whole number, not '" + value + "'");
        }
    }

    Dialect dialect(String key) {
        String value = required(key);
        try {
            return Dialect.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(key + " must be A, B or C, not '" + value + "'");
        }
    }

    boolean flag(String key) {
        return flag(key, false);
    }

    boolean flag(String key, boolean absent) {
        String value = text(key, String.valueOf(absent));
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key + " must be true or false, not '" + value + "'");
        };
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException("board profile '" + board + "': " + message);
    }

    private String required(String key) {
        String value = text(key, null);
        if (value == null) {
            throw error("missing key " + key);
        }
        return value;
    }
}
