package io.github.dind.devcontainer.generate.files;

import static org.assertj.core.api.Assertions.assertThat;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.dind.devcontainer.generate.request.CaCertificates.CaCertificate;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ca-certificates folder on a file system with POSIX modes and on one without (Windows'). */
class CaCertificateFilesTest {
    private static final CaCertificate CORP = new CaCertificate("corp.crt",
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "00");

    @Test
    void theCertificatesAreWrittenReadableByAll(@TempDir Path context) throws Exception {
        assertThat(new CaCertificateFiles(context).sync(List.of(CORP))).containsExactly("ca-certificates/corp.crt written");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(context.resolve("ca-certificates/corp.crt"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aFileSystemWithoutPosixModesGetsTheCertificatesWithoutAnError() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows())) {
            Path context = Files.createDirectories(windows.getPath("C:\\work\\.devcontainer"));
            CaCertificateFiles files = new CaCertificateFiles(context);

            assertThat(files.sync(List.of(CORP))).containsExactly("ca-certificates/corp.crt written");
            assertThat(Files.readString(context.resolve("ca-certificates\\corp.crt"))).isEqualTo(CORP.pem());
            assertThat(files.sync(List.of(CORP))).as("an unchanged certificate is left alone").isEmpty();
            assertThat(files.sync(List.of())).containsExactly("ca-certificates/corp.crt removed");
            assertThat(context.resolve("ca-certificates")).doesNotExist();
        }
    }
}
