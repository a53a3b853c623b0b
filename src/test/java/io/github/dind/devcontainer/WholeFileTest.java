package io.github.dind.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNoSiblingBehind() throws Exception {
        Path file = dir.resolve("reports/TEST-x.xml");
        WholeFile.write(file, "first");
        WholeFile.write(file, "second \u00e9");

        assertThat(file).hasContent("second \u00e9");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void worksOnAWindowsFileSystem() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path file = windows.getPath("C:\\work\\target\\report.xml");
            WholeFile.write(file, "<testsuite/>");
            WholeFile.write(file, "<testsuite name=\"again\"/>");

            assertThat(Files.readString(file)).isEqualTo("<testsuite name=\"again\"/>");
        }
    }
}
