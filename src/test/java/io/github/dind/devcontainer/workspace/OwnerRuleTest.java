package io.github.dind.devcontainer.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder owns the devcontainer: every way a Maven build can start, on real folders and poms. */
class OwnerRuleTest {
    @TempDir
    Path repo;

    /** Reads {@code <module>} entries; enough for the poms these tests write (Maven's reader does it in the plugin). */
    private final List<Path> read = new ArrayList<>();
    private final OwnerRule.PomModules modules = pom -> {
        read.add(pom);
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(pom));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    };

    private Path pom(String folder, String... moduleEntries) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(folder));
        StringBuilder text = new StringBuilder("<project><modules>");
        for (String module : moduleEntries) {
            text.append("<module>").append(module).append("</module>");
        }
        Files.writeString(dir.resolve("pom.xml"), text.append("</modules></project>").toString());
        return dir;
    }

    @Test
    void aModuleFolderBuiltAloneBelongsToTheTopOfItsReactor() throws IOException {
        Path top = pom(".", "core", "services");
        pom("core");
        pom("services", "api");
        Path api = pom("services/api");

        // cd services/api && mvn verify, or -f services/api/pom.xml: the build knows only api
        assertThat(OwnerRule.ownerFolder(api, Map.of(api, List.of()), modules)).isEqualTo(top.normalize());
    }

    @Test
    void theWholeReactorOwnsThroughTheBuildsOwnModuleLists() throws IOException {
        Path top = pom(".", "core", "app");
        Path core = pom("core");
        Path app = pom("app");
        Map<Path, List<Path>> reactor = Map.of(top, List.of(core, app), core, List.of(), app, List.of());

        assertThat(OwnerRule.ownerFolder(core, reactor, modules)).isEqualTo(top.normalize());
        assertThat(OwnerRule.ownerFolder(top, reactor, modules)).isEqualTo(top.normalize());
    }

    @Test
    void aSiblingAggregatorIsFoundThroughTheBuildNotThroughFolders() throws IOException {
        // Eclipse-style flat layout: build/pom.xml lists ../core; no pom above
        Path build = pom("build", "../core");
        Path core = pom("core");
        Map<Path, List<Path>> reactor = Map.of(build, List.of(OwnerRule.moduleFolder(build, "../core")), core, List.of());

        assertThat(OwnerRule.ownerFolder(core, reactor, modules)).isEqualTo(build.normalize());
    }

    @Test
    void aPomAboveThatDoesNotListTheProjectDoesNotOwnIt() throws IOException {
        pom(".", "other");
        Path standalone = pom("standalone");

        assertThat(OwnerRule.ownerFolder(standalone, Map.of(), modules)).isEqualTo(standalone.normalize());
    }

    @Test
    void aModuleMayBeNamedByItsPomFileOrWithATrailingSlash() throws IOException {
        Path top = pom(".", "core/pom.xml", "app/");
        Path core = pom("core");
        Path app = pom("app");

        assertThat(OwnerRule.ownerFolder(core, Map.of(), modules)).isEqualTo(top.normalize());
        assertThat(OwnerRule.ownerFolder(app, Map.of(), modules)).isEqualTo(top.normalize());
    }

    @Test
    void aSingleProjectOwnsItselfAndReadsNoPomWhereThereIsNone() throws IOException {
        Path single = pom("single");

        assertThat(OwnerRule.ownerFolder(single, Map.of(single, List.of()), modules)).isEqualTo(single.normalize());
        assertThat(read).isEmpty();
    }

    @Test
    void anUnreadablePomAboveOwnsNothingAndACycleEnds() throws IOException {
        Path core = pom("core");
        Files.writeString(repo.resolve("pom.xml"), "<project><modules><module>core</module>");
        OwnerRule.PomModules broken = pom -> {
            throw new IOException("unexpected end of file");
        };
        assertThat(OwnerRule.ownerFolder(core, Map.of(), broken)).isEqualTo(core.normalize());

        Path a = pom("a");
        Path b = pom("b");
        Map<Path, List<Path>> cycle = Map.of(a, List.of(b), b, List.of(a));
        assertThat(OwnerRule.ownerFolder(a, cycle, pom -> List.of())).isIn(a.normalize(), b.normalize());
    }
}
