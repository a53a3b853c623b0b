package example.app;

import example.core.Greeting;

/** The sample's application module, for Java 17. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println(Greeting.of("a devcontainer-maven-plugin sample"));
    }
}
