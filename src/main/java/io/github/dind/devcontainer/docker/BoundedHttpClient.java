package io.github.dind.devcontainer.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds every call of a {@link DockerHttpClient}: a call whose response does not begin, or whose
 * body stays silent, for longer than the bound is aborted and fails with a
 * {@link SocketTimeoutException}. The transport's own response timeout is a socket read timeout,
 * which docker-java's Unix socket ({@code com.github.dockerjava.transport.UnixSocket}, 3.7.1)
 * does not honour: against a socket that accepts and never answers, a call would wait forever.
 *
 * <p>One watchdog thread per client checks the calls in flight twice a second. Aborting a call
 * whose response has not begun closes the whole transport (there is no handle on a request still
 * in flight): the connection is unusable then, and the goal fails with the timeout.
 */
final class BoundedHttpClient implements DockerHttpClient {
    private static final long TICK_MILLIS = 500;

    private final DockerHttpClient delegate;
    private final long boundNanos;
    private final Duration bound;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread watchdog;
    private volatile boolean closed;

    BoundedHttpClient(DockerHttpClient delegate, Duration bound) {
        this.delegate = delegate;
        this.bound = bound;
        this.boundNanos = bound.toNanos();
        this.watchdog = new Thread(this::watch, "devcontainer-docker-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** A call in flight: when it last made progress, and how to abort it. */
    private final class Call {
        volatile long lastProgress = System.nanoTime();
        volatile boolean expired;
        volatile Response response;

        void progress() {
            lastProgress = System.nanoTime();
        }

        void abort() {
            expired = true;
            Response current = response;
            if (current != null) {
                current.close();
            } else {
                closeDelegate();
            }
        }

        SocketTimeoutException timeout() {
            return new SocketTimeoutException((response == null ? "the Docker daemon did not answer within "
                    : "the Docker daemon's response stayed silent for more than ") + bound.toSeconds() + " s");
        }
    }

    @Override
    public Response execute(Request request) {
        Call call = new Call();
        inFlight.add(call);
        Response response;
        try {
            response = delegate.execute(request);
        } catch (RuntimeException e) {
            inFlight.remove(call);
            if (call.expired) {
                throw new UncheckedIOException(call.timeout());
            }
            throw e;
        }
        call.response = response;
        call.progress();
        return new BoundedResponse(response, call);
    }

    private final class BoundedResponse implements Response {
        private final Response response;
        private final Call call;

        BoundedResponse(Response response, Call call) {
            this.response = response;
            this.call = call;
        }

        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return response.getHeaders();
        }

        @Override
        public String getHeader(String name) {
            return response.getHeader(name);
        }

        @Override
        public InputStream getBody() {
            return new FilterInputStream(response.getBody()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n;
                    try {
                        n = super.read(b, off, len);
                    } catch (IOException e) {
                        throw call.expired ? (SocketTimeoutException) call.timeout().initCause(e) : e;
                    }
                    if (call.expired) {
                        throw call.timeout();
                    }
                    call.progress();
                    return n;
                }
            };
        }

        @Override
        public void close() {
            inFlight.remove(call);
            response.close();
        }
    }

    private void watch() {
        while (!closed) {
            long now = System.nanoTime();
            for (Call call : inFlight) {
                if (!call.expired && now - call.lastProgress > boundNanos) {
                    inFlight.remove(call);
                    call.abort();
                }
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void closeDelegate() {
        try {
            delegate.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watchdog.interrupt();
        delegate.close();
    }
}
