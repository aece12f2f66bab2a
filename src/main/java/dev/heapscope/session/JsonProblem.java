package dev.heapscope.session;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Says in one line what is wrong with a JSON part of a session file: empty, not JSON, or a value of
 * the wrong kind, and where. The JSON library's own messages name Java types and its internals
 * ("No content to map due to end-of-input", "Cannot deserialize value of type `int`"), so they are
 * never passed on.
 */
final class JsonProblem {
    private JsonProblem() {
    }

    static String describe(String part, JacksonException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && (e.getMessage() != null && e.getMessage().startsWith("No content"))) {
            return part + " is empty";
        }
        Throwable cause = e.getCause();
        if (cause instanceof StreamReadException syntax) {
            // a syntax error inside a list or object arrives wrapped with the place it was in
            return part + " is not readable JSON" + at(syntax.getLocation());
        }
        if (e instanceof StreamConstraintsException || cause instanceof StreamConstraintsException) {
            return part + " holds a value too long or nested too deep to be a session's" + at(e.getLocation());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return part + " holds a value of the wrong kind at " + pathOf(mapping) + at(e.getLocation());
        }
        if (e instanceof MismatchedInputException) {
            return part + " is not the kind of JSON a session file holds" + at(e.getLocation());
        }
        return part + " is not readable JSON" + at(e.getLocation());
    }

    /** Like {@code markers[3].kind}. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(printable(step.getFieldName()));
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "its top" : path.toString();
    }

    /** A field name from the file, kept short and free of control characters. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 40; i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
