package example.core;

/** The sample's library module, for Java 11. */
public final class Greeting {
    private Greeting() {
    }

    public static String of(String who) {
        return "Hello from " + who;
    }
}
