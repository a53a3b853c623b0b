package io.github.dind.devcontainer.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.DevcontainerException;
import io.github.dind.devcontainer.InvalidSettingException;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.image.PullPolicy;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Maven adapter layer without Maven or Docker: skip flags, offline pulls, and how errors reach the user. */
class MojoAdapterTest {
    /** A log that keeps what it is told. */
    static final class Recording extends SystemStreamLog {
        final List<String> info = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }
    }

    /** A goal whose work is whatever the test says. */
    static final class Probe extends AbstractDevcontainerMojo {
        interface Work {
            void run() throws Exception;
        }

        Work work = () -> { };
        boolean ran;

        @Override
        String goal() {
            return "build";
        }

        @Override
        List<SkipFlag> goalSkipFlags() {
            return List.of(new SkipFlag(PropertyNames.BUILD_SKIP, false));
        }

        @Override
        void run() throws DevcontainerException {
            ran = true;
            try {
                work.run();
            } catch (DevcontainerException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void set(Object mojo, String field, Object value) throws Exception {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(mojo, value);
                return;
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"skipVerify", "skipITs", "skipTests", "mavenTestSkip", "skip"})
    void verifySkipsForEveryFlagFailsafeHonours(String flag) throws Exception {
        VerifyMojo verify = new VerifyMojo();
        Recording log = new Recording();
        verify.setLog(log);
        set(verify, flag, true);

        verify.execute(); // no project, no Docker: anything but skipping would throw

        assertThat(log.info).singleElement().asString().startsWith("Skipping devcontainer:verify (")
                .endsWith("=true)");
    }

    @Test
    void theSkipMessageNamesTheFlagThatWasSet() {
        assertThat(SkipFlag.firstSet(List.of(new SkipFlag("a", false), new SkipFlag("skipTests", true))))
                .contains("skipTests");
        assertThat(SkipFlag.firstSet(List.of(new SkipFlag("a", false)))).isEmpty();
    }

    @Test
    void anUnskippedGoalRuns() throws Exception {
        Probe probe = new Probe();
        probe.execute();
        assertThat(probe.ran).isTrue();
    }

    @Test
    void offlineMavenNeverPulls() {
        for (PullPolicy configured : PullPolicy.values()) {
            assertThat(PullPolicy.effective(configured, true)).isEqualTo(PullPolicy.NEVER);
            assertThat(PullPolicy.effective(configured, false)).isEqualTo(configured);
        }
    }

    @Test
    void settingsAreNamedAsAMavenUserSetsThem() {
        BuildMojo build = new BuildMojo();
        assertThat(build.renderSetting("pull", null)).isEqualTo("<pull> (-Ddevcontainer.build.pull)");
        assertThat(build.renderSetting("pull", "never")).isEqualTo("-Ddevcontainer.build.pull=never");
        assertThat(build.renderSetting("imageName", null)).isEqualTo("<imageName> (-Ddevcontainer.imageName)");
        assertThat(build.renderSetting("buildArgs", null)).isEqualTo("<buildArgs>");
        assertThat(new VerifyMojo().renderSetting("image", "x:1")).isEqualTo("-Ddevcontainer.verify.image=x:1");
    }

    @Test
    void aConfigurationProblemIsAnErrorNamingTheSettingWithTheCauseKept() {
        Probe probe = new Probe();
        InvalidSettingException problem = new InvalidSettingException("timeout", 0, "must be at least 1 (seconds)");
        probe.work = () -> {
            throw problem;
        };

        assertThatThrownBy(probe::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("<timeout> (-Ddevcontainer.build.timeout) \"0\" must be at least 1 (seconds)")
                .hasCause(problem);
        assertThat(problem.getMessage()).as("the cause reads as the user saw it, so Maven does not repeat it")
                .isEqualTo("<timeout> (-Ddevcontainer.build.timeout) \"0\" must be at least 1 (seconds)");
    }

    @Test
    void aFailureOfTheThingCheckedIsABuildFailure() {
        Probe probe = new Probe();
        probe.work = () -> {
            throw new DevcontainerException("step 3 failed; raise " + Setting.ref("timeout")) {
                @Override
                public boolean isFailure() {
                    return true;
                }
            };
        };

        assertThatThrownBy(probe::execute).isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("step 3 failed; raise <timeout> (-Ddevcontainer.build.timeout)");
    }

    @Test
    void anUntranslatedLibraryErrorStillEndsInASentenceNotMavensInternalErrorForm() {
        Probe probe = new Probe();
        IllegalStateException bug = new IllegalStateException("outer", new RuntimeException("Unsupported protocol scheme: ssh"));
        probe.work = () -> {
            throw bug;
        };

        assertThatThrownBy(probe::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("devcontainer:build stopped on an unexpected error: Unsupported protocol scheme: ssh")
                .hasCause(bug);
    }
}
