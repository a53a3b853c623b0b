package example;

/** The sample's whole application. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello from a devcontainer-maven-plugin sample");
    }
}
