package io.github.dind.devcontainer.run;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which signal made the JVM shut down, so a verify that is stopped can say "interrupted by SIGINT"
 * instead of reporting the checks it could not finish as failed. A JVM shutdown hook cannot tell
 * why the JVM stops; a signal handler can. For {@code SIGINT} (Ctrl-C) and {@code SIGTERM} (a CI
 * timeout, {@code kill}), the handler installed here records the signal's name and then passes the
 * signal on to the handler it replaced — the JVM's own, which starts the shutdown (exit status
 * 128 + the signal's number, as before), or whatever Maven or an embedding tool installed.
 *
 * <p>{@code sun.misc.Signal} is in the {@code jdk.unsupported} module, exported on purpose for this
 * use (JEP 260, "Encapsulate Most Internal APIs"). Where a signal cannot be handled (the JVM runs with
 * {@code -Xrs}, or the platform has no such signal), nothing is installed for it and the cause stays
 * "the JVM is shutting down".
 */
public final class StopSignals {
    static final String UNKNOWN = "a JVM shutdown";
    private static final AtomicReference<String> RECEIVED = new AtomicReference<>();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private StopSignals() {
    }

    /** Installs the recorders once per JVM; later calls do nothing. */
    static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] previous = new SignalHandler[1];
                previous[0] = Signal.handle(signal, received -> {
                    RECEIVED.compareAndSet(null, "SIG" + received.getName());
                    passOn(previous[0], received);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // -Xrs, or a platform without it: the shutdown hook still runs, without a named cause
            }
        }
    }

    /** Hands the signal to the handler that was there before; a native default means: shut down as it would. */
    private static void passOn(SignalHandler previous, Signal received) {
        if (previous == SignalHandler.SIG_IGN) {
            return;
        }
        if (previous == null || previous == SignalHandler.SIG_DFL) {
            Runtime.getRuntime().exit(128 + received.getNumber());
            return;
        }
        previous.handle(received);
    }

    /** What stops the JVM: {@code SIGINT}, {@code SIGTERM}, or "a JVM shutdown" (System.exit, another signal). */
    static String cause() {
        String received = RECEIVED.get();
        return received == null ? UNKNOWN : received;
    }
}
