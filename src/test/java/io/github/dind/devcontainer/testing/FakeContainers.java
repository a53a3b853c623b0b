package io.github.dind.devcontainer.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands out strict {@link FakeContainer}s and, after each test, fails it when any of them was asked
 * a command it did not expect — also when the code under test caught the {@link AssertionError}
 * that exec threw. Register it on an instance field:
 * {@code @RegisterExtension final FakeContainers containers = new FakeContainers();}
 */
public final class FakeContainers implements AfterEachCallback {
    private final List<FakeContainer> handedOut = new ArrayList<>();

    /** A strict container that expects no command yet; see {@link FakeContainer#on}. */
    public FakeContainer expecting() {
        FakeContainer container = FakeContainer.expecting();
        handedOut.add(container);
        return container;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (FakeContainer container : handedOut) {
                container.assertOnlyExpected();
            }
        } finally {
            handedOut.clear();
        }
    }
}
