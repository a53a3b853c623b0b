package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Collects an exec's or a log's output frames. A broken stream (the container went away) is
 * recorded for the caller instead of being logged as an ERROR by docker-java's default callback.
 */
final class FrameCollector extends ResultCallback.Adapter<Frame> {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream interleaved = new ByteArrayOutputStream();
    private volatile Throwable error;

    @Override
    public void onNext(Frame frame) {
        synchronized (this) {
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).writeBytes(frame.getPayload());
            interleaved.writeBytes(frame.getPayload());
        }
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        try {
            close();
        } catch (IOException ignored) {
            // the stream is broken already
        }
    }

    /** The error that ended the stream, or null. */
    Throwable error() {
        return error;
    }

    synchronized String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Both streams in the order the frames arrived, as a log reads. */
    synchronized String interleaved() {
        return interleaved.toString(StandardCharsets.UTF_8);
    }
}
