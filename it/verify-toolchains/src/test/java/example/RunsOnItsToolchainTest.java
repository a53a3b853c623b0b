package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunsOnItsToolchainTest {
    @Test
    void testsRunOnJdk25() {
        System.out.println("tests run on Java " + Runtime.version() + " from " + System.getProperty("java.home"));
        assertEquals(25, Runtime.version().feature());
    }

    @Test
    void classesAreCompiledForRelease21() throws Exception {
        try (var in = RunsOnItsToolchainTest.class.getResourceAsStream("RunsOnItsToolchainTest.class")) {
            byte[] header = in.readNBytes(8);
            assertEquals(65, ((header[6] & 0xff) << 8) | (header[7] & 0xff), "class file major version");
        }
    }
}
