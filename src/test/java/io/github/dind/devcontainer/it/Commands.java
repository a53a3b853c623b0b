package io.github.dind.devcontainer.it;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the ITs' Groovy scripts (it/NAME/*.groovy) share. The invoker puts the test class path on
 * the scripts' class path ({@code addTestClassPath}), and a script takes these with
 * {@code import static io.github.dind.devcontainer.it.Commands.*}.
 *
 * <p>Every process call has a timeout (300 s unless the call names one): when it runs out, the
 * process and its descendants are killed and the call fails with the output so far. The methods
 * that need the script's variables ({@code mavenHome}, {@code localRepositoryPath}, which the
 * invoker puts in its binding) take them as {@code binding.variables}.
 */
public final class Commands {
    /** The devcontainer CLI the ITs drive, pinned. */
    public static final String DEVCONTAINER_CLI_VERSION = "0.89.0";
    public static final long DEFAULT_TIMEOUT_SECONDS = 300;
    private static final Pattern MAVEN_BANNER = Pattern.compile("(?m)^(?:\u001b\\[[0-9;]*m)?Apache Maven ([^\\s\u001b]+)");

    private Commands() {
    }

    /** A finished process: its exit code and output ({@code err} is empty when stderr went to {@code out}). */
    public static final class Result {
        private final int code;
        private final String out;
        private final String err;

        Result(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        public int getCode() {
            return code;
        }

        public String getOut() {
            return out;
        }

        public String getErr() {
            return err;
        }

        @Override
        public String toString() {
            return "exit " + code + ":\n" + out + err;
        }
    }

    // ---- processes -------------------------------------------------------------------------

    /** Runs a command; stdout and stderr together in {@code out}, line by line. */
    public static Result sh(List<?> command) {
        return sh(command, null, DEFAULT_TIMEOUT_SECONDS, Map.of());
    }

    public static Result sh(List<?> command, File dir) {
        return sh(command, dir, DEFAULT_TIMEOUT_SECONDS, Map.of());
    }

    public static Result sh(List<?> command, File dir, long timeoutSeconds) {
        return sh(command, dir, timeoutSeconds, Map.of());
    }

    public static Result sh(List<?> command, File dir, long timeoutSeconds, Map<String, String> env) {
        List<String> args = strings(command);
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir);
        }
        builder.environment().putAll(env);
        Process process = start(builder, args);
        StringBuffer out = new StringBuffer();
        Thread reader = lines(process.getInputStream(), out);
        awaitOrKill(process, timeoutSeconds, args, out::toString);
        join(reader);
        return new Result(process.exitValue(), out.toString(), "");
    }

    /** {@link #sh} that asserts exit code 0. */
    public static Result ok(List<?> command) {
        return ok(command, null, DEFAULT_TIMEOUT_SECONDS, Map.of());
    }

    public static Result ok(List<?> command, File dir) {
        return ok(command, dir, DEFAULT_TIMEOUT_SECONDS, Map.of());
    }

    public static Result ok(List<?> command, File dir, long timeoutSeconds) {
        return ok(command, dir, timeoutSeconds, Map.of());
    }

    public static Result ok(List<?> command, File dir, long timeoutSeconds, Map<String, String> env) {
        Result result = sh(command, dir, timeoutSeconds, env);
        if (result.code != 0) {
            throw new AssertionError(strings(command) + " exited with " + result.code + ":\n" + result.out);
        }
        return result;
    }

    /**
     * Runs a command with stdout and stderr apart, byte for byte: both are read to their end before
     * the exit code is read.
     */
    public static Result proc(List<?> command) {
        return proc(command, DEFAULT_TIMEOUT_SECONDS);
    }

    public static Result proc(List<?> command, long timeoutSeconds) {
        List<String> args = strings(command);
        Process process = start(new ProcessBuilder(args), args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = bytes(process.getInputStream(), out);
        Thread errReader = bytes(process.getErrorStream(), err);
        awaitOrKill(process, timeoutSeconds, args, () -> utf8(out) + utf8(err));
        join(outReader);
        join(errReader);
        return new Result(process.exitValue(), utf8(out), utf8(err));
    }

    /** stdout alone, asserting exit code 0. */
    public static String stdout(List<?> command) {
        return stdout(command, DEFAULT_TIMEOUT_SECONDS);
    }

    public static String stdout(List<?> command, long timeoutSeconds) {
        Result result = proc(command, timeoutSeconds);
        if (result.code != 0) {
            throw new AssertionError(strings(command) + " failed: " + result.err);
        }
        return result.out;
    }

    /**
     * Starts a process the script waits for itself (a Maven run it signals, two at once), bounded
     * all the same: after {@code timeoutSeconds} it and its descendants are killed, whatever the
     * script is doing then.
     */
    public static Process startBounded(ProcessBuilder builder, long timeoutSeconds) {
        Process process = start(builder, builder.command());
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    kill(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "it-watchdog-" + process.pid());
        watchdog.setDaemon(true);
        watchdog.start();
        return process;
    }

    /**
     * Waits for a process whose output goes to {@code log}; true once it exited. When it does not
     * exit in time it is killed, and this fails: "{@code what} did not finish within N s", and the
     * log so far.
     */
    public static boolean awaitExit(Process process, long timeoutSeconds, File log, String what) {
        awaitOrKill(process, timeoutSeconds, what, () -> read(log));
        return true;
    }

    public static boolean awaitExit(Process process, long timeoutSeconds, File log) {
        return awaitExit(process, timeoutSeconds, log, String.valueOf(process.info().commandLine().orElse("pid " + process.pid())));
    }

    // ---- Maven -----------------------------------------------------------------------------

    /**
     * The Maven this IT runs under: the invoker execution that runs the ITs under another Maven
     * passes its home as the script variable mavenHome; otherwise the Maven that runs the build.
     */
    public static File mavenUnderTest(Map<String, ?> script) {
        Object home = script.get("mavenHome");
        return new File(home != null ? home.toString() : System.getProperty("maven.home"));
    }

    /** Every run in a build.log ran under {@link #mavenUnderTest} (invoker runs Maven with -V). */
    public static void assertMavenUnderTest(Map<String, ?> script, String log) {
        String version = ok(List.of(new File(mavenUnderTest(script), "bin/mvn").getPath(), "-v")).out;
        Matcher expected = MAVEN_BANNER.matcher(version);
        if (!expected.find()) {
            throw new AssertionError("mvn -v printed no version:\n" + version);
        }
        // the -V banner starts a line (a check's evidence such as "Apache Maven 3.9.9 on Java 21" does not)
        List<String> versions = new ArrayList<>();
        Matcher seen = MAVEN_BANNER.matcher(log);
        while (seen.find()) {
            versions.add(seen.group(1));
        }
        if (versions.isEmpty() || !versions.stream().allMatch(expected.group(1)::equals)) {
            throw new AssertionError("expected every run under Maven " + expected.group(1) + ", saw " + versions);
        }
        // Maven 3.9 sums up what it finds wrong in a plugin's descriptor or use of its API
        if (log.contains("Plugin validation issues")) {
            throw new AssertionError(String.join("\n", log.lines().filter(l -> l.contains("validation")).toList()));
        }
    }

    /** groupId:artifactId:version of the plugin, from the IT's (filtered) pom. */
    public static String pluginCoordinates(File projectDir) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document pom = factory.newDocumentBuilder().parse(new File(projectDir, "pom.xml"));
            NodeList plugins = pom.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                if ("devcontainer-maven-plugin".equals(child(plugin, "artifactId"))) {
                    return child(plugin, "groupId") + ":devcontainer-maven-plugin:" + child(plugin, "version");
                }
            }
            throw new AssertionError("no devcontainer-maven-plugin in " + new File(projectDir, "pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Maven started the way a developer starts it (in a folder of their choice), batch mode, with the
     * ITs' local repository; released artifacts come from the developer's own, as in it/settings.xml.
     */
    public static Result nestedMaven(Map<String, ?> script, File dir, List<?> args) {
        return nestedMaven(script, dir, args, 600);
    }

    public static Result nestedMaven(Map<String, ?> script, File dir, List<?> args, long timeoutSeconds) {
        return sh(nestedMavenCommand(script, args), dir, timeoutSeconds);
    }

    /**
     * The command line of {@link #nestedMaven} (the Maven under test, batch mode, a settings file
     * that reads released artifacts from the developer's repository, the ITs' local repository), for
     * a script that starts Maven itself ({@link #startBounded}) to signal it or run two at once.
     */
    public static List<String> nestedMavenCommand(Map<String, ?> script, List<?> args) {
        String userRepository = new File(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository")).toURI().toString();
        try {
            File settings = File.createTempFile("nested-settings", ".xml");
            settings.deleteOnExit();
            Files.writeString(settings.toPath(), "<settings><profiles><profile><id>local</id>\n"
                    + "  <repositories><repository><id>user-local</id><url>" + userRepository + "</url></repository></repositories>\n"
                    + "  <pluginRepositories><pluginRepository><id>user-local</id><url>" + userRepository
                    + "</url></pluginRepository></pluginRepositories>\n"
                    + "</profile></profiles><activeProfiles><activeProfile>local</activeProfile></activeProfiles></settings>");
            List<Object> command = new ArrayList<>(List.of(new File(mavenUnderTest(script), "bin/mvn").getPath(), "-B",
                    "-s", settings.getPath(), "-Dmaven.repo.local=" + script.get("localRepositoryPath")));
            command.addAll(args);
            return strings(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the devcontainer CLI's Features builds ------------------------------------------

    /**
     * Runs {@code work} while no other IT lets the devcontainer CLI build Features: the CLI tags its
     * Features' content image {@code dev_container_feature_content_temp}, one name for every project,
     * and each such IT removes it afterwards, which must not happen under another's {@code devcontainer up}.
     * The lock is a folder made with one atomic mkdir (threads of one Maven and separate processes
     * alike); one older than 15 minutes is left from a killed run and taken over.
     *
     * @throws AssertionError when the lock is not free within 10 minutes
     */
    public static <T> T withCliFeaturesBuild(java.util.concurrent.Callable<T> work) throws Exception {
        File lock = new File(System.getProperty("java.io.tmpdir"), "devcontainer-it-cli-features.lock");
        long deadline = System.currentTimeMillis() + 600_000;
        while (!lock.mkdir()) {
            if (lock.lastModified() > 0 && System.currentTimeMillis() - lock.lastModified() > 900_000) {
                lock.delete(); // left by a killed run
                continue;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("another IT held " + lock + " for 10 minutes");
            }
            Thread.sleep(200);
        }
        try {
            return work.call();
        } finally {
            lock.delete();
        }
    }

    /**
     * Removes the images {@code devcontainer up} built for the project whose {@code artifactId} is
     * {@code project}: its {@code vsc-PROJECT-*} images, the stage images its Features build (the
     * classic builder) leaves untagged — those labelled with the project's title, and those made from
     * the Features' content image — and that content image, {@code dev_container_feature_content_temp}.
     * Call it inside {@link #withCliFeaturesBuild}.
     */
    public static void removeCliImages(String project) {
        String contentImage = sh(List.of("docker", "image", "inspect", "--format", "{{.Id}}",
                "dev_container_feature_content_temp")).out.trim();
        // vsc-NAME-HASH, with -features or -uid after it: NAME exactly (vsc-devcontainer-cli-* would take another IT's)
        java.util.regex.Pattern own = java.util.regex.Pattern.compile(
                "vsc-" + java.util.regex.Pattern.quote(project) + "-[0-9a-f]{64}(-[a-z]+)*:\\S+");
        for (String image : stdout(List.of("docker", "images", "--format", "{{.Repository}}:{{.Tag}}")).split("\\R")) {
            if (own.matcher(image).matches()) {
                sh(List.of("docker", "rmi", "-f", image));
            }
        }
        for (String id : stdout(List.of("docker", "images", "-q", "--no-trunc", "--filter", "dangling=true")).split("\\R")) {
            if (id.isBlank()) {
                continue;
            }
            String made = sh(List.of("docker", "image", "inspect", "--format",
                    "{{.Parent}} {{index .Config.Labels \"org.opencontainers.image.title\"}}", id)).out.trim();
            if ((!contentImage.isEmpty() && made.startsWith(contentImage)) || made.endsWith(" " + project)) {
                sh(List.of("docker", "rmi", id));
            }
        }
        sh(List.of("docker", "rmi", "dev_container_feature_content_temp"));
    }

    /** The names of the volumes mounted in a container (what a test removes with it). */
    public static List<String> volumesOf(String container) {
        return java.util.Arrays.stream(ok(List.of("docker", "inspect", "--format",
                "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}} {{end}}{{end}}", container)).out.trim().split("\\s+"))
                .filter(name -> !name.isEmpty()).toList();
    }

    // ---- what an IT's verify left ---------------------------------------------------------

    /**
     * The {@code docker --filter} that selects what verify created for the project in {@code basedir}:
     * its folder in the plugin's project label (VerifyService.PROJECT_LABEL), so an IT counts its own
     * containers and volumes while others run beside it.
     */
    public static String projectLabel(File basedir) {
        return "label=io.github.dind.devcontainer.project=" + basedir.toPath().toAbsolutePath().normalize();
    }

    // ---- the devcontainer CLI and the bundled templates ------------------------------------

    /**
     * Starts Debian's {@code docker-registry} for an IT: plain HTTP on {@code address} (host:port),
     * htpasswd authentication (user {@code ci}, {@code password}), storage, config, log
     * ({@code registry.log}) and pid file in {@code dir}; bounded by {@code timeout} so it ends even
     * when verify.groovy never runs. Returns once {@code /v2/} answers 401 (it wants the login).
     * {@link #stopRegistry} stops it.
     *
     * @param deletable lets clients delete manifests ({@code storage.delete.enabled})
     * @throws AssertionError when it exits or does not answer within 10 s
     */
    public static Process startRegistry(File dir, String address, String realm, String password, long lifetimeSeconds,
            boolean deletable) throws IOException, InterruptedException {
        dir.mkdirs();
        String entry = stdout(List.of("htpasswd", "-Bbn", "ci", password), 60);
        if (!entry.startsWith("ci:$2")) {
            throw new AssertionError("htpasswd wrote no bcrypt entry: " + entry);
        }
        java.nio.file.Files.writeString(new File(dir, "htpasswd").toPath(), entry);
        java.nio.file.Files.writeString(new File(dir, "config.yml").toPath(), "version: 0.1\n"
                + "log:\n  level: info\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + new File(dir, "storage").getPath() + "\n"
                + (deletable ? "  delete:\n    enabled: true\n" : "")
                + "http:\n  addr: " + address + "\n"
                + "auth:\n  htpasswd:\n    realm: " + realm + "\n    path: " + new File(dir, "htpasswd").getPath() + "\n");
        File log = new File(dir, "registry.log");
        Process process = new ProcessBuilder("timeout", Long.toString(lifetimeSeconds), "/usr/bin/docker-registry", "serve",
                new File(dir, "config.yml").getPath()).redirectErrorStream(true).redirectOutput(log).start();
        java.nio.file.Files.writeString(new File(dir, "pid").toPath(), Long.toString(process.pid()));
        for (int i = 0; i < 100; i++) {
            try {
                java.net.HttpURLConnection connection =
                        (java.net.HttpURLConnection) java.net.URI.create("http://" + address + "/v2/").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 401) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new AssertionError("the registry exited: " + java.nio.file.Files.readString(log.toPath()));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the registry did not answer on " + address + ": " + java.nio.file.Files.readString(log.toPath()));
    }

    /** Stops the registry {@link #startRegistry} started in {@code dir} (its pid file), with its children; never throws. */
    public static void stopRegistry(File dir) {
        try {
            File pid = new File(dir, "pid");
            if (pid.exists()) {
                ProcessHandle.of(Long.parseLong(java.nio.file.Files.readString(pid.toPath()).trim())).ifPresent(handle -> {
                    handle.descendants().forEach(ProcessHandle::destroy);
                    handle.destroy();
                });
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the registry of " + dir + ": " + e);
        }
    }

    /** The path of the pinned devcontainer CLI, npm-installed into {@code dir}. */
    public static String installDevcontainerCli(File dir) {
        dir.mkdirs();
        ok(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                "@devcontainers/cli@" + DEVCONTAINER_CLI_VERSION), dir);
        String cli = new File(dir, "node_modules/.bin/devcontainer").getPath();
        String version = ok(List.of(cli, "--version")).out.trim();
        if (!version.equals(DEVCONTAINER_CLI_VERSION)) {
            throw new AssertionError("the devcontainer CLI is " + version + ", not " + DEVCONTAINER_CLI_VERSION);
        }
        return cli;
    }

    /**
     * A bundled template (src/main/resources/templates), as the plugin under test ships it: an IT
     * that needs a variant derives it from this text instead of keeping a copy.
     */
    public static String bundledTemplate(String name) {
        try (InputStream in = Commands.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                throw new AssertionError("no bundled template " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with {@code marker} (which it must hold exactly once) replaced. */
    public static String replaceOnce(String text, String marker, String replacement) {
        int at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
            throw new AssertionError("expected '" + marker + "' exactly once in:\n" + text);
        }
        return text.substring(0, at) + replacement + text.substring(at + marker.length());
    }

    // ---- the machinery ----------------------------------------------------------------------

    private static List<String> strings(List<?> command) {
        return command.stream().map(String::valueOf).toList();
    }

    private static Process start(ProcessBuilder builder, Object what) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + what + ": " + e.getMessage(), e);
        }
    }

    private static void awaitOrKill(Process process, long timeoutSeconds, Object what, java.util.function.Supplier<String> soFar) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                kill(process);
                throw new AssertionError(what + " did not finish within " + timeoutSeconds + " s; the output so far:\n"
                        + soFar.get());
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted; the output so far:\n" + soFar.get(), e);
        }
    }

    /**
     * The descendants first (once the parent is gone they would be the init process's children),
     * then the process; waits up to 10 s for all of them to be gone.
     */
    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // still there after 10 s: nothing more to do than SIGKILL
        }
    }

    private static Thread lines(InputStream stream, StringBuffer into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    into.append(line).append('\n');
                }
            } catch (IOException e) {
                // the process was killed: what arrived stays
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static Thread bytes(InputStream stream, ByteArrayOutputStream into) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    synchronized (into) {
                        into.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process was killed: what arrived stays
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static String utf8(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The readers end when the last holder of the pipe closes it; a daemon the command left running
     * (sshd, a registry) may hold it longer, so the wait is bounded.
     */
    private static void join(Thread reader) {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(File log) {
        try {
            return log.isFile() ? Files.readString(log.toPath(), StandardCharsets.UTF_8) : "(no " + log + ")";
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + name + "> in the devcontainer-maven-plugin's <plugin>");
    }
}
