package io.github.dind.devcontainer;

/** Turns library exceptions into something a message can quote. */
public final class Errors {
    private Errors() {
    }

    /**
     * Whether anything in the cause chain is a timeout ({@link java.io.InterruptedIOException}, which
     * {@link java.net.SocketTimeoutException} extends, or {@link java.util.concurrent.TimeoutException}):
     * the other side was slow, not absent.
     */
    public static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.InterruptedIOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
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
