package io.github.dind.devcontainer.image.features.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.devcontainer.features.FeatureException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking a Feature's layer without letting it write, link or point anywhere outside its folder. */
class LayerExtractorTest {
    @TempDir
    Path dir;

    /** A tar built entry by entry: files, folders, links and special entries as a hostile layer might hold. */
    static final class Tar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

        Tar() {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        }

        Tar file(String name, String content, int mode) throws IOException {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(data.length);
            entry.setMode(0100000 | mode);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
            return this;
        }

        Tar folder(String name) throws IOException {
            out.putArchiveEntry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true));
            out.closeArchiveEntry();
            return this;
        }

        Tar link(String name, String target, byte type) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
            entry.setLinkName(target);
            out.putArchiveEntry(entry);
            out.closeArchiveEntry();
            return this;
        }

        Tar special(String name, byte type) throws IOException {
            out.putArchiveEntry(new TarArchiveEntry(name, type, true));
            out.closeArchiveEntry();
            return this;
        }

        byte[] bytes() throws IOException {
            out.close();
            return bytes.toByteArray();
        }
    }

    private Path extract(byte[] layer) throws Exception {
        Path folder = dir.resolve("feature");
        LayerExtractor.extract(layer, folder, "reg.example.com/ns/evil:1");
        return folder;
    }

    @Test
    void unpacksWhatTheCliPackagesWithModesAndInnerLinks() throws Exception {
        Path folder = extract(new Tar().folder("./").file("./install.sh", "#!/bin/sh\n", 0755)
                .file("./devcontainer-feature.json", "{}", 0644).folder("./lib").file("./lib/tool", "tool", 0755)
                .link("./bin-tool", "lib/tool", TarConstants.LF_SYMLINK).link("./lib/copy", "./lib/tool", TarConstants.LF_LINK)
                .link("./dangling", "lib/not-there", TarConstants.LF_SYMLINK).bytes());

        assertThat(Files.readString(folder.resolve("install.sh"))).isEqualTo("#!/bin/sh\n");
        assertThat(Files.isExecutable(folder.resolve("install.sh"))).isTrue();
        assertThat(Files.isExecutable(folder.resolve("devcontainer-feature.json"))).isFalse();
        assertThat(Files.readSymbolicLink(folder.resolve("bin-tool"))).isEqualTo(Path.of("lib/tool"));
        assertThat(Files.readString(folder.resolve("lib/copy"))).isEqualTo("tool");
        assertThat(Files.isSymbolicLink(folder.resolve("lib/copy"))).isFalse();
        assertThat(Files.isSymbolicLink(folder.resolve("dangling"))).isTrue();
    }

    @Test
    void aGzippedLayerIsReadToo() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new Tar().file("./install.sh", "#!/bin/sh\n", 0755).bytes());
        }
        assertThat(extract(gz.toByteArray()).resolve("install.sh")).exists();
    }

    @Test
    void aNameThatLeadsOutIsRefusedNamingTheEntry() throws Exception {
        assertRefused(new Tar().file("./../../etc/cron.d/x", "x", 0644).bytes(), "./../../etc/cron.d/x", "has a .. in its name");
        assertRefused(new Tar().file("lib/../../x", "x", 0644).bytes(), "lib/../../x", "has a .. in its name");
        assertRefused(new Tar().file("/etc/passwd", "x", 0644).bytes(), "/etc/passwd", "is an absolute name");
        assertRefused(new Tar().file("a\\..\\..\\x", "x", 0644).bytes(), "a\\..\\..\\x", "a name with a \\ or a NUL in it");
    }

    @Test
    void aLinkOutIsRefusedNamingTheEntry() throws Exception {
        assertRefused(new Tar().link("./passwd", "/etc/passwd", TarConstants.LF_SYMLINK).bytes(), "./passwd",
                "is a symbolic link to \"/etc/passwd\"");
        assertRefused(new Tar().folder("./lib").link("./lib/up", "../../up", TarConstants.LF_SYMLINK).bytes(), "./lib/up",
                "leads out of the Feature's folder");
        assertRefused(new Tar().link("./shadow", "/etc/shadow", TarConstants.LF_LINK).bytes(), "./shadow",
                "is a hard link to /etc/shadow, outside the Feature's folder");
        assertRefused(new Tar().link("./shadow", "../../etc/shadow", TarConstants.LF_LINK).bytes(), "./shadow",
                "is a hard link to ../../etc/shadow, outside the Feature's folder");
        assertRefused(new Tar().link("./copy", "./missing", TarConstants.LF_LINK).bytes(), "./copy",
                "is a hard link to ./missing, which is no file the layer wrote before it");
    }

    @Test
    void nothingIsWrittenThroughALinkAndNoChainOfLinksLeadsOut() throws Exception {
        // a link to a folder inside, then a file under it: refused, whatever the link's target
        assertRefused(new Tar().folder("./lib").link("./l", "lib", TarConstants.LF_SYMLINK).file("./l/x", "x", 0644).bytes(),
                "./l/x", "lies under the symbolic link l");
        // each link lexically inside, together out: x/b -> .. is the Feature's folder, so x/a -> b/../outside/secret
        // reads as x/outside/secret but resolves to the folder's parent's outside/secret
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s");
        assertRefused(new Tar().folder("./x").link("./x/b", "..", TarConstants.LF_SYMLINK)
                .link("./x/a", "b/../outside/secret", TarConstants.LF_SYMLINK).bytes(), "x/a",
                "is a symbolic link that leads out of the Feature's folder");
    }

    @Test
    void devicesAndFifosAreRefused() throws Exception {
        assertRefused(new Tar().special("./tty", TarConstants.LF_CHR).bytes(), "./tty", "is a character device");
        assertRefused(new Tar().special("./disk", TarConstants.LF_BLK).bytes(), "./disk", "is a block device");
        assertRefused(new Tar().special("./pipe", TarConstants.LF_FIFO).bytes(), "./pipe", "is a FIFO");
    }

    private void assertRefused(byte[] layer, String entry, String reason) throws IOException {
        Path folder = dir.resolve("refused-" + System.nanoTime());
        var thrown = assertThatThrownBy(() -> LayerExtractor.extract(layer, folder, "reg.example.com/ns/evil:1"))
                .isInstanceOf(FeatureException.class)
                .hasMessageStartingWith("The layer of the Feature \"reg.example.com/ns/evil:1\" is refused: its entry \"" + entry + "\" ")
                .hasMessageEndingWith("Nothing of it is used; tell the Feature's author");
        if (reason != null) {
            thrown.hasMessageContaining(reason);
        }
    }
}
