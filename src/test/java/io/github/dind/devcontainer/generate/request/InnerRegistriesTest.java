package io.github.dind.devcontainer.generate.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.dind.devcontainer.testing.Requests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cases of moby's registry/config_test.go (TestValidateMirror, TestLoadInsecureRegistries) that apply. */
class InnerRegistriesTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://mirror-1.example.com", "http://mirror-1.example.com/", "https://mirror-1.example.com",
            "http://localhost", "https://localhost", "http://localhost:5000", "https://127.0.0.1:5000",
            "http://172.17.0.1:40123", "https://mirror-1.example.com/v1/", "https://nexus.example.com/repository/hub",
            "http://[fd00::1]:5000"})
    void acceptsWhatDockerdAcceptsAsAMirror(String mirror) {
        assertThat(InnerRegistries.isMirror(mirror)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"!invalid!://%as%", "mirror-1.example.com", "mirror-1.example.com:5000",
            "ftp://mirror-1.example.com", "http://mirror-1.example.com/?q=foo", "http://mirror-1.example.com/v1/?q=foo",
            "http://mirror-1.example.com/v1/?q=foo#frag", "https://mirror-1.example.com#frag",
            "https://user:password@mirror-1.example.com", "https://user@mirror-1.example.com", "http://", "http:///x",
            "https://a.example.com,https://b.example.com", "https://a.example.com/$HOME", "https://a.example.com/\"x",
            "https://a.example.com/ x", "http://bad_host.example.com", "http://a.example.com:999999"})
    void rejectsWhatIsNoMirrorUrlOrWouldNotStayOneWord(String mirror) {
        assertThat(InnerRegistries.isMirror(mirror)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com", "registry.example.com:5000", "localhost:5000", "10.0.0.5:5000",
            "10.0.0.0/8", "172.17.0.0/16", "fe80::/64", "[fd00::1]:5000", "fd00::1", "docker.io"})
    void acceptsAHostPortOrACidrAsAnInsecureRegistry(String registry) {
        assertThat(InnerRegistries.isInsecureRegistry(registry)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://registry.example.com", "https://registry.example.com:5000", "-registry.example.com",
            "registry.example.com-", "[fe80::]/64", "10.0.0.0/33", "300.1.1.1/8", "registry.example.com:70000",
            "bad host", "a,b", "registry.example.com/path", "\"x\"", "$(reboot)"})
    void rejectsWhatDockerdWouldRefuseAsAnInsecureRegistry(String registry) {
        assertThat(InnerRegistries.isInsecureRegistry(registry)).isFalse();
    }

    @Test
    void blankEntriesCountAsNoneAndDuplicatesAreDroppedKeepingTheOrder() {
        List<InvalidRequestException.Violation> problems = new ArrayList<>();
        InnerRegistries registries = InnerRegistries.of(List.of("https://b.example.com", " ", "https://a.example.com ",
                "https://b.example.com"), null, problems);

        assertThat(problems).isEmpty();
        assertThat(registries.mirrors()).containsExactly("https://b.example.com", "https://a.example.com");
        assertThat(registries.insecure()).isEmpty();
    }

    @Test
    void aBadMirrorFailsTheRequestNamingTheParameterAndTheValue() {
        assertThatThrownBy(() -> Requests.sample("debian").registryMirrors(List.of("mirror.example.com:5000"))
                .insecureRegistries(List.of("http://registry.example.com")).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(InvalidRequestException.Violation::parameter)
                        .containsExactly("registryMirrors", "insecureRegistries"))
                .hasMessageContaining("registryMirrors \"mirror.example.com:5000\" must be an http:// or https:// URL")
                .hasMessageContaining("insecureRegistries \"http://registry.example.com\" must be a registry"
                        + " host[:port] or a CIDR");
    }

    @Test
    void theRequestCarriesBothLists() throws Exception {
        GenerateRequest request = Requests.sample("debian").registryMirrors(List.of("http://172.17.0.1:5000"))
                .insecureRegistries(List.of("172.17.0.1:5000")).build();

        assertThat(request.registries()).isEqualTo(new InnerRegistries(List.of("http://172.17.0.1:5000"),
                List.of("172.17.0.1:5000")));
        assertThat(Requests.sample("debian").build().registries().isEmpty()).isTrue();
    }
}
