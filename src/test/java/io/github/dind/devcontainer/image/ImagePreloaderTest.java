package io.github.dind.devcontainer.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.dind.devcontainer.testing.RecordingConsole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build's preload payload: saved once per image id, from the host's engine, with what goes wrong named. */
class ImagePreloaderTest {
    /** A host engine: images by reference with their id and content; pulls from {@code registry}. */
    static final class Host implements ImagePreloader.HostImages {
        final Map<String, String> ids = new HashMap<>();
        final Map<String, String> registry = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<String> id(String reference) {
            return Optional.ofNullable(ids.get(reference));
        }

        @Override
        public void pull(String reference) throws IOException {
            calls.add("pull " + reference);
            if (!registry.containsKey(reference)) {
                throw new IOException("pull access denied for " + reference + ", repository does not exist");
            }
            ids.put(reference, registry.get(reference));
        }

        @Override
        public InputStream save(String reference) {
            calls.add("save " + reference);
            return new ByteArrayInputStream(("tar of " + reference + " " + ids.get(reference)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Path feature(Path folder, String... lines) throws IOException {
        Path feature = folder.resolve("preload");
        Files.createDirectories(feature);
        Files.writeString(feature.resolve("images.txt"), "# the list\n" + String.join("\n", lines) + "\n");
        return feature;
    }

    @Test
    void savesEachImageOnceAndASecondBuildWritesNothing(@TempDir Path folder) throws Exception {
        Host host = new Host();
        host.ids.put("debian:trixie", "sha256:aaa");
        host.ids.put("testcontainers/ryuk:0.12.0", "sha256:bbb");
        Path feature = feature(folder, "debian:trixie", "", "testcontainers/ryuk:0.12.0", "debian:trixie");
        RecordingConsole console = new RecordingConsole();

        List<ImagePreloader.Entry> entries = new ImagePreloader(host, console).fill(feature, false);

        assertThat(entries).extracting(ImagePreloader.Entry::reference).containsExactly("debian:trixie", "testcontainers/ryuk:0.12.0");
        assertThat(host.calls).containsExactly("save debian:trixie", "save testcontainers/ryuk:0.12.0");
        Path tar = feature.resolve("images").resolve(entries.get(0).file());
        assertThat(Files.readString(tar)).isEqualTo("tar of debian:trixie sha256:aaa");
        Path index = feature.resolve("images/images.tsv");
        assertThat(Files.readAllLines(index)).filteredOn(l -> !l.startsWith("#")).containsExactly(
                "debian:trixie\t" + entries.get(0).file() + "\tsha256:aaa",
                "testcontainers/ryuk:0.12.0\t" + entries.get(1).file() + "\tsha256:bbb");
        assertThat(console.info()).anySatisfy(l -> assertThat(l).startsWith("Preloading 2 images (").endsWith(": 2 saved"));

        FileTime tarTime = Files.getLastModifiedTime(tar);
        FileTime indexTime = Files.getLastModifiedTime(index);
        Files.setLastModifiedTime(tar, FileTime.fromMillis(tarTime.toMillis() - 60_000));
        Files.setLastModifiedTime(index, FileTime.fromMillis(indexTime.toMillis() - 60_000));
        host.calls.clear();
        RecordingConsole again = new RecordingConsole();
        new ImagePreloader(host, again).fill(feature, false);

        assertThat(host.calls).isEmpty();
        assertThat(Files.getLastModifiedTime(tar).toMillis()).isEqualTo(tarTime.toMillis() - 60_000);
        assertThat(Files.getLastModifiedTime(index).toMillis()).isEqualTo(indexTime.toMillis() - 60_000);
        assertThat(again.info()).anySatisfy(l -> assertThat(l).endsWith(": all up to date"));
    }

    @Test
    void aNewImageIdOrAMissingTarSavesAgainAndAnImageNoLongerListedIsRemoved(@TempDir Path folder) throws Exception {
        Host host = new Host();
        host.ids.put("debian:trixie", "sha256:aaa");
        host.ids.put("postgres:16", "sha256:ccc");
        Path feature = feature(folder, "debian:trixie", "postgres:16");
        List<ImagePreloader.Entry> first = new ImagePreloader(host, new RecordingConsole()).fill(feature, false);
        host.calls.clear();

        host.ids.put("debian:trixie", "sha256:ddd");
        Files.delete(feature.resolve("images").resolve(first.get(1).file()));
        new ImagePreloader(host, new RecordingConsole()).fill(feature, false);
        assertThat(host.calls).containsExactly("save debian:trixie", "save postgres:16");
        assertThat(Files.readString(feature.resolve("images").resolve(first.get(0).file()))).endsWith("sha256:ddd");

        Files.writeString(feature.resolve("images.txt"), "postgres:16\n");
        new ImagePreloader(host, new RecordingConsole()).fill(feature, false);
        assertThat(feature.resolve("images").resolve(first.get(0).file())).doesNotExist();
        assertThat(feature.resolve("images").resolve(first.get(1).file())).exists();
        assertThat(Files.readString(feature.resolve("images/images.tsv"))).doesNotContain("debian:trixie");
    }

    @Test
    void anImageTheHostLacksIsPulledThroughItsEngine(@TempDir Path folder) throws Exception {
        Host host = new Host();
        host.registry.put("testcontainers/ryuk:0.12.0", "sha256:eee");
        RecordingConsole console = new RecordingConsole();

        new ImagePreloader(host, console).fill(feature(folder, "testcontainers/ryuk:0.12.0"), false);

        assertThat(host.calls).containsExactly("pull testcontainers/ryuk:0.12.0", "save testcontainers/ryuk:0.12.0");
        assertThat(console.info()).contains("Pulling testcontainers/ryuk:0.12.0 to preload it");
    }

    @Test
    void anImageTheHostLacksAndCannotPullFailsNamingIt(@TempDir Path folder) throws Exception {
        Host host = new Host();
        Path feature = feature(folder, "it/missing:1");

        assertThatThrownBy(() -> new ImagePreloader(host, new RecordingConsole()).fill(feature, false))
                .isInstanceOf(ImagePreloader.PreloadException.class)
                .hasMessageContaining("The image it/missing:1 to preload (preloadImages, ")
                .hasMessageContaining("is not on the host's Docker engine and cannot be pulled: pull access denied for it/missing:1");
    }

    @Test
    void offlineNothingIsPulledAndTheMessageSaysSo(@TempDir Path folder) throws Exception {
        Host host = new Host();
        host.registry.put("testcontainers/ryuk:0.12.0", "sha256:eee");
        Path feature = feature(folder, "testcontainers/ryuk:0.12.0");

        assertThatThrownBy(() -> new ImagePreloader(host, new RecordingConsole()).fill(feature, true))
                .isInstanceOf(ImagePreloader.PreloadException.class)
                .hasMessageContaining("The image testcontainers/ryuk:0.12.0 to preload")
                .hasMessageContaining("is not on the host's Docker engine, and Maven runs offline (-o), so it is not pulled");
        assertThat(host.calls).isEmpty();
    }

    @Test
    void aPayloadOverTheBoundWarnsWithItsSize(@TempDir Path folder) throws Exception {
        Host host = new Host();
        host.ids.put("debian:trixie", "sha256:aaa");
        RecordingConsole console = new RecordingConsole();

        new ImagePreloader(host, console, 10).fill(feature(folder, "debian:trixie"), false);

        assertThat(console.warn()).singleElement().asString()
                .startsWith("The images to preload (" + io.github.dind.devcontainer.Setting.ref("preloadImages"))
                .contains("take 0.0 MiB, more than 0.0 MiB: the image grows by at least as much");
        RecordingConsole within = new RecordingConsole();
        new ImagePreloader(host, within).fill(feature(folder, "debian:trixie"), false);
        assertThat(within.warn()).isEmpty();
    }

    @Test
    void aListLineThatIsNoReferenceFailsNamingIt(@TempDir Path folder) throws Exception {
        Path feature = feature(folder, "Debian:Trixie");

        assertThatThrownBy(() -> new ImagePreloader(new Host(), new RecordingConsole()).fill(feature, false))
                .hasMessageContaining("names \"Debian:Trixie\", which is not a Docker image reference");
    }

    @Test
    void fileNamesAreOneSegmentAndDistinct() {
        assertThat(ImagePreloader.fileName("registry.example.com:5000/team/app@sha256:0123"))
                .matches("registry.example.com_5000_team_app_sha256_0123-[0-9a-f]{12}\\.tar");
        assertThat(ImagePreloader.fileName("a/b_c:1")).isNotEqualTo(ImagePreloader.fileName("a_b/c:1"));
    }
}
