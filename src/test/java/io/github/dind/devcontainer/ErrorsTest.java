package io.github.dind.devcontainer;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void aTimeoutAnywhereInTheChainMeansSlowNotAbsent() {
        assertThat(Errors.timedOut(new RuntimeException(new UncheckedIOException(new SocketTimeoutException("Read timed out")))))
                .isTrue();
        assertThat(Errors.timedOut(new RuntimeException(new ConnectException("Connection refused")))).isFalse();
        assertThat(Errors.timedOut(new IOException("no such host"))).isFalse();
    }

    @Test
    void theRootMessageSaysWhatHappened() {
        assertThat(Errors.rootMessage(new RuntimeException("outer", new IOException("Connection refused"))))
                .isEqualTo("Connection refused");
        assertThat(Errors.rootMessage(new RuntimeException(new IllegalStateException()))).isEqualTo("IllegalStateException");
    }

    @Test
    void settingMarksRenderPlainOrAsTheFrontEndSays() {
        String text = "set " + Setting.ref("pull") + " or " + Setting.assign("pull", "never");
        assertThat(Setting.plain(text)).isEqualTo("set pull or pull=never");
        assertThat(Setting.render(text, (p, v) -> v == null ? "<" + p + ">" : "-D" + p + "=" + v))
                .isEqualTo("set <pull> or -Dpull=never");
        assertThat(Setting.mentioned(text)).containsExactly("pull");
    }
}
