package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.VerificationException;
import io.github.dind.devcontainer.verify.checks.CheckCatalog;
import io.github.dind.devcontainer.verify.report.CheckResult;
import io.github.dind.devcontainer.verify.report.VerificationReport;
import static io.github.dind.devcontainer.testing.FakeContainer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerEngine;
import io.github.dind.devcontainer.run.ContainerEngineException;
import io.github.dind.devcontainer.run.ImageNotFoundException;
import io.github.dind.devcontainer.run.ClientLaunch;
import io.github.dind.devcontainer.devcontainer.ImageConfig;
import io.github.dind.devcontainer.testing.FakeContainer;
import io.github.dind.devcontainer.testing.RecordingConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyServiceTest {
    private static final CheckCatalog.Timeouts TIMEOUTS =
            new CheckCatalog.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private final RecordingConsole console = new RecordingConsole();

    /**
     * Launches fake containers whose `true`/`false` pom checks pass or fail. They are lenient: these
     * tests are about boots, reports, verdicts and interruption, and pin no check's commands (the
     * checks' own tests do, with strict fakes).
     */
    private static final class FakeEngine implements ContainerEngine {
        final List<Boolean> keeps = new ArrayList<>();
        final List<ClientLaunch> launches = new ArrayList<>();
        final List<FakeContainer> containers = new ArrayList<>();
        boolean missingImage;
        boolean broken;
        boolean refuses;
        String imageId = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
        String engineFacts = "version 20.10.24; storage overlay2";

        @Override
        public String host() {
            return "unix:///fake.sock";
        }

        @Override
        public ImageConfig inspectImage(String image) throws ImageNotFoundException {
            if (missingImage) {
                throw new ImageNotFoundException(image, host(), null);
            }
            return new ImageConfig(List.of("dumb-init", "--"), List.of("sleep", "infinity"), "", java.util.Map.of(), imageId);
        }

        final List<String> surfacesRead = new ArrayList<>();
        List<String> env = List.of("PATH=/usr/bin");

        @Override
        public io.github.dind.devcontainer.run.ImageSurface imageSurface(String image) {
            surfacesRead.add(image);
            return new io.github.dind.devcontainer.run.ImageSurface(List.of(), env, java.util.Map.of());
        }

        @Override
        public String describeEngine(String network) {
            return engineFacts;
        }

        @Override
        public Container launch(ClientLaunch launch, String namePrefix, boolean keep) throws ContainerEngineException {
            launches.add(launch);
            if (refuses) {
                throw new ContainerEngineException("the daemon would not start it", host(), null);
            }
            keeps.add(keep);
            FakeContainer container = new FakeContainer(cmd -> {
                if (cmd.contains("interrupt-me")) { // as the shutdown hook does on SIGINT
                    stoppedBy = "SIGINT";
                    Thread.currentThread().interrupt();
                    return FakeContainer.exit(137, "");
                }
                return broken || cmd.contains("false") ? FakeContainer.exit(1, "") : ok("");
            })
                    .named(namePrefix + "-0000000" + keeps.size());
            containers.add(container);
            return container;
        }

        int sweeps;
        volatile String stoppedBy;

        @Override
        public java.util.Optional<String> stoppedBy() {
            return java.util.Optional.ofNullable(stoppedBy);
        }

        @Override
        public int sweepLeftovers() {
            sweeps++;
            return 0;
        }

        @Override
        public void close() {
        }
    }

    private VerifyService.Request request(String command, int repeat, boolean keep) {
        return new VerifyService.Request("img:1", dir.resolve("absent.json"),
                List.of(new CheckCatalog.Command("c", command, 0, Duration.ofSeconds(1))), Set.of("running", "commands"),
                TIMEOUTS, repeat, keep, "p-verify", dir.resolve("reports"));
    }

    @Test
    void repeatsBootsEachInItsOwnContainerKeepsOnlyTheLastAndWritesAReportPerBoot() throws Exception {
        FakeEngine engine = new FakeEngine();

        List<VerificationReport> reports = new VerifyService(console).verify(request("true", 3, true), engine);

        assertThat(reports).hasSize(3).allMatch(VerificationReport::passed);
        assertThat(engine.keeps).containsExactly(false, false, true);
        assertThat(engine.containers).allMatch(c -> c.closes() == 1);
        assertThat(engine.launches.get(0).command()).endsWith("dumb-init", "--", "sleep", "infinity");
        for (int boot = 1; boot <= 3; boot++) {
            assertThat(dir.resolve("reports/TEST-devcontainer-verify-" + boot + ".xml")).isRegularFile();
        }
        assertThat(console.info()).contains("Boot 2 of 3", "Started p-verify-00000001 (fake01234567) from img:1");
        assertThat(console.info()).contains("Verifying img:1 at unix:///fake.sock as a devcontainer client starts it:"
                + " privileged, entrypoint kept (overrideCommand false), volumes at /var/lib/docker, no terminal");
        assertThat(console.info()).anyMatch(line -> line.startsWith("Boots: 3 passed, 0 failed"));
    }

    @Test
    void aFailedCheckIsAFailureNamingTheCheckAndTheReportIsWrittenFirst() {
        FakeEngine engine = new FakeEngine();

        assertThatThrownBy(() -> new VerifyService(console).verify(request("false", 1, false), engine))
                .isInstanceOfSatisfying(VerificationFailedException.class, e -> {
                    assertThat(e.isFailure()).isTrue();
                    assertThat(e.step()).contains("command:c");
                    assertThat(e.getMessage()).startsWith("Devcontainer verification of img:1 failed:")
                            .contains("  - command:c (");
                });
        assertThat(dir.resolve("reports/TEST-devcontainer-verify.xml")).isRegularFile();
        assertThat(engine.containers).singleElement().matches(c -> c.closes() == 1);
    }

    @Test
    void aMissingImageIsAnErrorNotAFailureAndSaysToBuildFirst() {
        FakeEngine engine = new FakeEngine();
        engine.missingImage = true;

        assertThatThrownBy(() -> new VerifyService(console).verify(request("true", 1, false), engine))
                .isInstanceOfSatisfying(VerificationException.class, e -> {
                    assertThat(e.isFailure()).isFalse();
                    assertThat(e.host()).contains("unix:///fake.sock");
                    assertThat(e.getMessage()).startsWith("The image img:1 is not on the Docker daemon. Build it first");
                });
        assertThat(engine.launches).isEmpty();
    }

    @Test
    void settingsAreCheckedBeforeAnythingStarts() {
        FakeEngine engine = new FakeEngine();

        assertThatThrownBy(() -> new VerifyService(console).verify(request("true", 0, false), engine))
                .isInstanceOf(InvalidSettingException.class).hasMessage("repeat \"0\" must be at least 1")
                .satisfies(e -> assertThat(((DevcontainerException) e).settings()).containsExactly("repeat"));
        assertThat(engine.launches).isEmpty();
    }

    @Test
    void theContainerCarriesTheProjectLabelWhenTheProjectIsKnown() throws Exception {
        FakeEngine engine = new FakeEngine();

        new VerifyService(console).verify(reusable("true", null), engine);
        new VerifyService(console).verify(request("true", 1, false), engine);

        assertThat(engine.launches.get(0).labels())
                .containsExactly(java.util.Map.entry(VerifyService.PROJECT_LABEL, dir.resolve("project").toString()));
        assertThat(engine.launches.get(1).labels()).isEmpty();
    }

    @Test
    void devcontainerJsonDecidesTheLaunchAndWarnsAboutWhatIsNotEmulated() throws Exception {
        Path json = Files.writeString(dir.resolve("devcontainer.json"),
                "{\"overrideCommand\": true, \"runArgs\": [\"--memory=1g\"], \"postCreateCommand\": \"true\"}");
        FakeEngine engine = new FakeEngine();
        VerifyService.Request request = new VerifyService.Request("img:1", json, List.of(), Set.of("running", "lifecycle"),
                TIMEOUTS, 1, false, "p-verify", dir.resolve("reports"));

        List<VerificationReport> reports = new VerifyService(console).verify(request, engine);

        assertThat(engine.launches.get(0).command()).hasSize(3);
        assertThat(console.warn()).contains("The runArg --memory=1g is not emulated by verify: the container starts without it");
        assertThat(reports.get(0).results()).extracting(CheckResult::id).containsExactly("running", "lifecycle:postCreateCommand");
    }

    private VerifyService.Request reusable(String command, VerifyService.Verdicts reuse) {
        return new VerifyService.Request("img:1", dir.resolve("absent.json"),
                List.of(new CheckCatalog.Command("c", command, 0, Duration.ofSeconds(1))), Set.of("running", "commands"),
                TIMEOUTS, 1, false, "p-verify", dir.resolve("reports"), null, reuse, dir.resolve("project"));
    }

    private VerifyService.Verdicts reuse(boolean always) {
        return new VerifyService.Verdicts(dir.resolve("local-repository"), "/project\nimg:1", always, "1.0");
    }

    @Test
    void aPassingVerdictIsReusedWithItsReportWhileNothingChanges() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        Path report = dir.resolve("reports/TEST-devcontainer-verify.xml");
        String first = Files.readString(report);
        Files.delete(report);

        List<VerificationReport> second = new VerifyService(console).verify(reusable("true", reuse(false)), engine);

        assertThat(second).isEmpty();
        assertThat(engine.launches).hasSize(1);
        assertThat(report).hasContent(first);
        assertThat(console.info()).anyMatch(line -> line.startsWith("Reusing the passing verdict of ")
                && line.contains(" for img:1 (image sha256:111111111111): ")
                && line.endsWith("To run the checks anyway: \u2039always=true\u203a"));
    }

    @Test
    void theChecksRunAgainWhenAPartOfTheKeyChangesAndTheLogNamesIt() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);

        engine.imageId = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        engine.engineFacts = "version 29.0.0; storage overlayfs";
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        new VerifyService(console).verify(reusable("true || true", reuse(false)), engine);

        assertThat(engine.launches).hasSize(4);
        assertThat(console.info()).filteredOn(line -> line.startsWith("Running the checks: the "))
                .extracting(line -> line.replaceAll(" of \\S+$", " of T")).containsExactly(
                        "Running the checks: the image changed since the passing verdict of T",
                        "Running the checks: the engine changed since the passing verdict of T",
                        "Running the checks: the checks changed since the passing verdict of T");
    }

    @Test
    void alwaysRunsTheChecksAndStillStoresThePass() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);

        new VerifyService(console).verify(reusable("true", reuse(true)), engine);
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);

        assertThat(engine.launches).hasSize(2);
        assertThat(console.info()).anyMatch(line -> line.startsWith("Running the checks: \u2039always\u203a is set"));
    }

    @Test
    void aFailureIsNeverStoredAndForgetsTheEarlierPass() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        engine.broken = true;

        assertThatThrownBy(() -> new VerifyService(console).verify(reusable("true", reuse(true)), engine))
                .isInstanceOf(VerificationFailedException.class);
        assertThatThrownBy(() -> new VerifyService(console).verify(reusable("true", reuse(false)), engine))
                .isInstanceOf(VerificationFailedException.class);
        engine.broken = false;
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);

        assertThat(engine.launches).hasSize(4);
        assertThat(console.info()).noneMatch(line -> line.startsWith("Reusing"));
    }

    @Test
    void repeatKeepAndProjectBuildAlwaysRunTheChecks() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        VerifyService.Request base = reusable("true", reuse(false));

        new VerifyService(console).verify(new VerifyService.Request("img:1", base.configFile(), base.commands(), base.only(),
                TIMEOUTS, 2, false, "p-verify", base.reportDirectory(), null, base.verdicts()), engine);
        new VerifyService(console).verify(new VerifyService.Request("img:1", base.configFile(), base.commands(), base.only(),
                TIMEOUTS, 1, true, "p-verify", base.reportDirectory(), null, base.verdicts()), engine);

        assertThat(engine.launches).hasSize(4);
        assertThat(console.info()).contains(
                "Running the checks; no stored verdict can stand for this run: \u2039repeat\u203a asks for 2 boots",
                "Running the checks; no stored verdict can stand for this run: \u2039keep\u203a asks for a container to be left running");
    }

    @Test
    void projectBuildsMountsAreMadeOnlyWhenProjectBuildRuns() throws Exception {
        VerifyService.ProjectBuild build = new VerifyService.ProjectBuild(dir.resolve("hello"), "true", Duration.ofSeconds(1));
        FakeEngine engine = new FakeEngine();

        for (Set<String> only : List.of(Set.of("running"), Set.of("running", "project-build"))) {
            new VerifyService(console).verify(new VerifyService.Request("img:1", dir.resolve("absent.json"), List.of(), only,
                    TIMEOUTS, 1, false, "p-verify", dir.resolve("reports"), build), engine);
        }

        assertThat(engine.launches.get(0).verifyMounts()).as("boot checks only").isEmpty();
        assertThat(engine.launches.get(1).verifyMounts()).extracting(ClientLaunch.VerifyMount::target)
                .containsExactly("/workspaces/hello");
    }

    @Test
    void projectBuildStopsTheReuseOnlyWhenItRuns() throws Exception {
        FakeEngine engine = new FakeEngine();
        VerifyService.ProjectBuild build = new VerifyService.ProjectBuild(dir, "mvn -q package", Duration.ofSeconds(5));
        VerifyService.Request base = reusable("true", reuse(false));
        VerifyService.Request withoutIt = new VerifyService.Request("img:1", base.configFile(), base.commands(),
                Set.of("running", "commands"), TIMEOUTS, 1, false, "p-verify", base.reportDirectory(), build, base.verdicts());
        VerifyService.Request withIt = new VerifyService.Request("img:1", base.configFile(), base.commands(),
                Set.of("running", "commands", "project-build"), TIMEOUTS, 1, false, "p-verify", base.reportDirectory(), build,
                base.verdicts());

        new VerifyService(console).verify(withoutIt, engine);
        new VerifyService(console).verify(withoutIt, engine);
        new VerifyService(console).verify(withIt, engine);

        assertThat(engine.launches).hasSize(2);
        assertThat(console.info()).contains("Running the checks; no stored verdict can stand for this run: project-build"
                + " checks the project's sources, which a verdict does not cover");
    }

    @Test
    void aContainerThatWouldNotStartForgetsTheEarlierPassToo() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        engine.refuses = true;

        assertThatThrownBy(() -> new VerifyService(console).verify(reusable("true", reuse(true)), engine))
                .isInstanceOf(ContainerEngineException.class);
        engine.refuses = false;
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);

        assertThat(engine.launches).hasSize(3);
        assertThat(console.info()).noneMatch(line -> line.startsWith("Reusing"));
    }

    @Test
    void aReusedVerdictStillSweepsLeftoversAndLeavesOnlyThisRunsReport() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        Files.writeString(dir.resolve("reports/TEST-devcontainer-verify-2.xml"), "<testsuite/>");
        Files.writeString(dir.resolve("reports/TEST-other.xml"), "<testsuite/>");
        int sweepsBefore = engine.sweeps;

        new VerifyService(console).verify(reusable("true", reuse(false)), engine);

        assertThat(engine.launches).hasSize(1);
        assertThat(engine.sweeps).isEqualTo(sweepsBefore + 1);
        assertThat(dir.resolve("reports/TEST-devcontainer-verify-2.xml")).doesNotExist();
        assertThat(dir.resolve("reports/TEST-other.xml")).exists();
        assertThat(dir.resolve("reports/TEST-devcontainer-verify.xml")).isRegularFile();
    }

    private VerifyService.Request secrets(Set<String> allowed) {
        VerifyService.Request base = reusable("true", reuse(false));
        return new VerifyService.Request("img:1", base.configFile(), List.of(), Set.of("no-secrets"), TIMEOUTS, 1, false,
                "p-verify", base.reportDirectory(), null, base.verdicts(), base.project(), allowed);
    }

    @Test
    void noSecretsReadsTheVerifiedImageFromTheEngineAndTheAllowListIsPartOfTheKey() throws Exception {
        FakeEngine engine = new FakeEngine();
        engine.env = List.of("PATH=/usr/bin", "DB_PASSWORD=hunter2-literal");

        assertThatThrownBy(() -> new VerifyService(console).verify(secrets(Set.of()), engine))
                .isInstanceOf(VerificationFailedException.class)
                .hasMessageContaining("no-secrets")
                .hasMessageNotContaining("hunter2");
        assertThat(engine.surfacesRead).containsExactly("img:1");
        assertThat(engine.containers.get(0).commands()).as("it asks the container nothing").isEmpty();
        assertThat(Files.readString(dir.resolve("reports/TEST-devcontainer-verify.xml")))
                .contains("the image's environment: DB_PASSWORD holds a literal value under a name that means a secret")
                .doesNotContain("hunter2");

        new VerifyService(console).verify(secrets(Set.of(" DB_PASSWORD ")), engine);
        new VerifyService(console).verify(secrets(Set.of("DB_PASSWORD")), engine);
        new VerifyService(console).verify(secrets(Set.of("DB_PASSWORD", "jwt")), engine);

        assertThat(engine.launches).hasSize(3);
        assertThat(console.info()).filteredOn(line -> line.startsWith("Running the checks: the checks changed")).hasSize(1);
    }

    @Test
    void theOrderOfOnlyDoesNotChangeTheKey() throws Exception {
        FakeEngine engine = new FakeEngine();
        VerifyService.Request base = reusable("true", reuse(false));
        for (List<String> order : List.of(List.of("running", "commands"), List.of("commands", "running"))) {
            new VerifyService(console).verify(new VerifyService.Request("img:1", base.configFile(), base.commands(),
                    new java.util.LinkedHashSet<>(order), TIMEOUTS, 1, false, "p-verify", base.reportDirectory(), null,
                    base.verdicts()), engine);
        }

        assertThat(engine.launches).hasSize(1);
    }

    @Test
    void anInterruptedRunSaysSoInOneLineIsNoFailureAndForgetsTheStoredPass() throws Exception {
        FakeEngine engine = new FakeEngine();
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        int warningsBefore = console.warn().size();

        assertThatThrownBy(() -> new VerifyService(console).verify(reusable("interrupt-me", reuse(false)), engine))
                .isInstanceOf(VerificationInterruptedException.class)
                .satisfies(e -> assertThat(((DevcontainerException) e).isFailure()).isFalse())
                .hasMessageStartingWith("Verification of img:1 interrupted by SIGINT during the check ")
                .hasMessageContaining(", after 1 check passed: no verdict; the container p-verify-00000002 is removed");

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(console.warn().subList(warningsBefore, console.warn().size())).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("Verification of img:1 interrupted by SIGINT");
        assertThat(engine.containers.get(1).closes()).isEqualTo(1);
        String report = Files.readString(dir.resolve("reports/TEST-devcontainer-verify.xml"));
        assertThat(report).contains("<property name=\"interrupted\" value=\"SIGINT during the check ")
                .contains("failures=\"0\"").doesNotContain("<failure").contains("<skipped message=\"interrupted by SIGINT\"");

        engine.stoppedBy = null; // a later build
        new VerifyService(console).verify(reusable("true", reuse(false)), engine);
        assertThat(engine.launches).as("the pass stored before the interrupted run was forgotten").hasSize(3);
    }
}
