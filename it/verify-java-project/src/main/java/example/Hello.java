package example;

/** Compiled inside the devcontainer by verify's project-build check. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println(switch (args.length) {
            case 0 -> "Hello from a Java 21 devcontainer";
            default -> "Hello, " + String.join(" ", args);
        });
    }
}
