package io.github.dind.devcontainer.image.context;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path/filepath} functions the docker CLI applies to {@code /}-separated paths. */
final class GoPath {
    private GoPath() {
    }

    /** Go's {@code filepath.Dir} for {@code /}-separated paths. */
    static String dir(String path) {
        return clean(path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** Go's {@code filepath.Clean} for {@code /}-separated paths. */
    static String clean(String path) {
        boolean absolute = path.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || ".".equals(part)) {
                continue;
            }
            if ("..".equals(part)) {
                if (!parts.isEmpty() && !"..".equals(parts.peekLast())) {
                    parts.removeLast();
                } else if (!absolute) {
                    parts.addLast(part);
                }
            } else {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
