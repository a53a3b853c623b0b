package io.github.dind.devcontainer;

/** Turns library exceptions into something a message can quote. */
public final class Errors {
    private Errors() {
    }

    /** The innermost cause's message (or its class name when it has none): the part that says what happened. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
