package dev.heapscope.ui;

import dev.heapscope.session.InputErrorText;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into words for the status line: the message people wrote, never a Java class name. */
final class UserMessages {
    private UserMessages() {
    }

    static String reason(Throwable error) {
        Throwable cause = error;
        // wrappers whose own message is only the wrapped exception's class and message
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // Java's own wording ("Input length = 1", an exception's class) becomes what it means for the input
        String text = cause.getMessage() == null || cause.getMessage().isBlank()
                ? "unexpected failure" : InputErrorText.message(cause.getMessage(), cause);
        // "task failed" alone says nothing: add the root cause's own words when it has any
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootText = root.getMessage() == null ? null : InputErrorText.message(root.getMessage(), root);
        return root == cause || rootText == null || rootText.isBlank() || text.contains(rootText)
                ? text : text + " (" + rootText + ")";
    }

    /** A command's answer for the status line. */
    static String answered(String what, dev.heapscope.console.CommandResult answer) {
        if (answer.failed()) {
            return what + ": Lua error: " + answer.luaError();
        }
        if (answer.wantsMore()) {
            return what + ": the board waits for the rest of this Lua (>>); heap polls pause until it is complete";
        }
        return what + (answer.output().isEmpty() ? ": ok" : ": " + answer.text());
    }

    static <T> java.util.concurrent.CompletableFuture<T> failed(String why) {
        return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException(why));
    }
}
