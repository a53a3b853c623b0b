package io.github.dind.devcontainer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import com.github.dockerjava.core.RemoteApiVersion;
import org.junit.jupiter.api.Test;

class ApiVersionsTest {

    @Test
    void anOlderDaemonGetsItsOwnVersion() {
        assertThat(ApiVersions.choose("1.41", "1.12")).isEqualTo(RemoteApiVersion.VERSION_1_41);
        assertThat(ApiVersions.choose("1.44", "1.24")).isEqualTo(RemoteApiVersion.VERSION_1_44);
    }

    @Test
    void aNewerDaemonGetsTheNewestVersionDockerJavaKnows() {
        assertThat(ApiVersions.choose("1.51", "1.24")).isEqualTo(RemoteApiVersion.VERSION_1_44);
        assertThat(ApiVersions.choose("1.52", "1.44")).isEqualTo(RemoteApiVersion.VERSION_1_44);
    }

    @Test
    void noSharedVersionOrNoAnswerMeansUnversionedRequests() {
        assertThat(ApiVersions.choose("1.60", "1.50")).isEqualTo(RemoteApiVersion.UNKNOWN_VERSION);
        assertThat(ApiVersions.choose(null, null)).isEqualTo(RemoteApiVersion.UNKNOWN_VERSION);
        assertThat(ApiVersions.choose("garbage", "1.24")).isEqualTo(RemoteApiVersion.UNKNOWN_VERSION);
    }
}
