package io.github.dind.devcontainer.image.context;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineEndingsTest {
    @TempDir
    Path context;

    private void write(String path, String content) throws Exception {
        Path file = context.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void findsTheDockerfileAndShellScriptsWithCrlf() throws Exception {
        write("Dockerfile", "FROM debian:trixie\r\nCOPY startup.sh /usr/local/bin/\r\n");
        write("startup.sh", "#!/usr/bin/env bash\r\nset -e\r\n");
        write("bin/entry", "#!/bin/sh\r\nexec \"$@\"\r\n");
        write("lf.sh", "#!/bin/sh\necho ok\n");
        write("devcontainer.json", "{\r\n}\r\n");
        write("notes.txt", "one\r\ntwo\r\n");
        write(".git/hooks/pre-commit.sh", "#!/bin/sh\r\n");

        assertThat(LineEndings.crlfFiles(context, context.resolve("Dockerfile"))).containsExactly("Dockerfile", "bin/entry", "startup.sh");
    }

    @Test
    void aCleanContextHasNone() throws Exception {
        write("docker/Dockerfile.dev", "FROM debian:trixie\n");
        write("startup.sh", "#!/usr/bin/env bash\nprintf 'a\\r\\n'\n");

        assertThat(LineEndings.crlfFiles(context, context.resolve("docker/Dockerfile.dev"))).isEmpty();
    }
}
