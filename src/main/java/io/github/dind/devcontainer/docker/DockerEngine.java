package io.github.dind.devcontainer.docker;

import io.github.dind.devcontainer.run.Container;
import io.github.dind.devcontainer.run.ContainerEngine;
import io.github.dind.devcontainer.run.ContainerEngineException;
import io.github.dind.devcontainer.run.ImageNotFoundException;
import io.github.dind.devcontainer.run.ImageSurface;
import io.github.dind.devcontainer.run.ResourceTracker;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.run.Resources.Resource;
import io.github.dind.devcontainer.run.ClientLaunch;
import io.github.dind.devcontainer.devcontainer.ImageConfig;
import io.github.dind.devcontainer.devcontainer.MountSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ContainerEngine} on a docker-java connection; docker-java's exceptions stop here.
 *
 * <p>Its length is the Engine API's requests for one launch (volumes, mounts, capabilities, host
 * config) and their failures turned into messages; each call is a few lines of docker-java.
 */
public final class DockerEngine implements ContainerEngine {
    private final DockerConnection connection;
    private final EngineQueries queries;
    private final String host;
    private final Console console;
    private final ResourceTracker tracker;

    private DockerEngine(DockerConnection connection, EngineQueries queries, String host, Console console) {
        this.connection = connection;
        this.queries = queries;
        this.host = host;
        this.console = console;
        this.tracker = ResourceTracker.open(new DockerResources(connection::client, queries), console);
    }

    /** An engine on an open connection; close the engine before the connection. */
    public static DockerEngine open(DockerConnection connection, Console console) {
        return new DockerEngine(connection, connection.queries(), connection.where(), console);
    }

    /** docker-java's typed client: made on first use, which the reused-verdict path never reaches. */
    private DockerClient docker() {
        return connection.client();
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public ImageConfig inspectImage(String image) throws ContainerEngineException {
        try {
            JsonNode inspected = queries.get("/images/" + EngineQueries.segment(image) + "/json");
            if (inspected == null) {
                throw new ImageNotFoundException(image, host, null);
            }
            JsonNode config = inspected.path("Config");
            Map<String, String> labels = new LinkedHashMap<>();
            config.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return new ImageConfig(strings(config.path("Entrypoint")), strings(config.path("Cmd")),
                    config.path("User").asText(null), labels, inspected.path("Id").asText(null));
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Could not inspect the image " + image + " at " + host + ": "
                    + Errors.rootMessage(e), host, e);
        }
    }

    @Override
    public ImageSurface imageSurface(String image) throws ContainerEngineException {
        try {
            JsonNode inspected = queries.get("/images/" + EngineQueries.segment(image) + "/json");
            JsonNode history = queries.get("/images/" + EngineQueries.segment(image) + "/history");
            if (inspected == null || history == null) {
                throw new ImageNotFoundException(image, host, null);
            }
            List<String> createdBy = new ArrayList<>();
            history.forEach(entry -> createdBy.add(entry.path("CreatedBy").asText("")));
            JsonNode config = inspected.path("Config");
            Map<String, String> labels = new LinkedHashMap<>();
            config.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return new ImageSurface(createdBy, strings(config.path("Env")), labels);
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Could not read the history and configuration of the image " + image
                    + " at " + host + ": " + Errors.rootMessage(e), host, e);
        }
    }

    @Override
    public String describeEngine(String network) throws ContainerEngineException {
        try {
            JsonNode info = queries.get("/info");
            if (info == null) {
                throw new EngineQueries.EngineApiException("GET /info answered 404");
            }
            return "version " + info.path("ServerVersion").asText()
                    + "; storage " + info.path("Driver").asText() + " " + info.path("DriverStatus")
                    + "; cgroup " + info.path("CgroupVersion").asText() + " " + info.path("CgroupDriver").asText()
                    + "; kernel " + info.path("KernelVersion").asText()
                    + "; os " + info.path("OperatingSystem").asText() + " " + info.path("OSType").asText() + " "
                    + info.path("Architecture").asText()
                    + "; security " + info.path("SecurityOptions")
                    + "; runtime " + info.path("DefaultRuntime").asText() + " of " + runtimes(info.path("Runtimes"))
                    + "; network " + describeNetwork(network == null ? "bridge" : network);
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Could not read docker info at " + host + ": " + Errors.rootMessage(e),
                    host, e);
        }
    }

    /** Driver, options, IPv6, internal and subnets: what decides MTU, DNS and addresses inside; not its id or members. */
    private String describeNetwork(String name) {
        if (name.startsWith("container:") || name.equals("host") || name.equals("none")) {
            return name;
        }
        JsonNode network = queries.get("/networks/" + EngineQueries.segment(name));
        if (network == null) {
            return name + " absent";
        }
        Map<String, String> options = new TreeMap<>();
        network.path("Options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        return name + " " + network.path("Driver").asText() + " " + options + " ipv6 " + network.path("EnableIPv6")
                + " internal " + network.path("Internal") + " " + network.path("IPAM").path("Config");
    }

    /** The runtimes' names and paths, sorted: a runtime swapped for another (runc, sysbox, crun) is a change. */
    private static Map<String, String> runtimes(JsonNode runtimes) {
        Map<String, String> named = new TreeMap<>();
        runtimes.fields().forEachRemaining(e -> named.put(e.getKey(), e.getValue().path("path").asText()));
        return named;
    }

    /** A JSON array of strings as a list; null or absent as empty. */
    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Override
    public Container launch(ClientLaunch launch, String namePrefix, boolean keep) throws ContainerEngineException {
        Capability[] capabilities = capabilities(launch.capAdd());
        String name = namePrefix + "-" + ResourceTracker.shortId();
        Map<String, String> labels = new LinkedHashMap<>(launch.labels());
        labels.putAll(tracker.labels(keep));
        List<Resource> created = new ArrayList<>();
        try {
            List<Mount> mounts = new ArrayList<>();
            for (MountSpec volume : launch.volumes()) {
                String volumeName = name + "-vol" + (mounts.size() + 1);
                created.add(track(Resource.volume(volumeName), keep));
                docker().createVolumeCmd().withName(volumeName).withLabels(labels).exec();
                mounts.add(new Mount().withType(MountType.VOLUME).withSource(volumeName).withTarget(volume.target()));
            }
            mounts.addAll(verifyMounts(launch.verifyMounts()));
            created.add(0, track(Resource.container(name), keep));
            CreateContainerCmd create = docker().createContainerCmd(launch.image())
                    .withName(name)
                    .withLabels(labels)
                    .withEntrypoint(ClientLaunch.ENTRYPOINT)
                    .withCmd(launch.command())
                    .withEnv(launch.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withTty(false)
                    .withStdinOpen(false)
                    .withHostConfig(HostConfig.newHostConfig()
                            .withPrivileged(launch.privileged())
                            .withInit(launch.init() ? Boolean.TRUE : null)
                            .withMounts(mounts)
                            .withNetworkMode(launch.network())
                            .withCapAdd(capabilities)
                            .withSecurityOpts(launch.securityOpt())
                            .withExtraHosts(launch.extraHosts().toArray(String[]::new)));
            if (launch.user() != null) {
                create.withUser(launch.user());
            }
            String id = create.exec().getId();
            DockerContainer container = new DockerContainer(docker(), id, name, launch.remoteUser(), created, keep, tracker,
                    console, host);
            container.start();
            return container;
        } catch (RuntimeException e) {
            tracker.discard(created);
            throw new ContainerEngineException(cannotStart(launch.image(), e), host, e);
        }
    }

    /** project-build's mounts: not tracked, a lasting volume outlives the run by design. */
    private List<Mount> verifyMounts(List<ClientLaunch.VerifyMount> verifyMounts) {
        List<Mount> mounts = new ArrayList<>();
        for (ClientLaunch.VerifyMount mount : verifyMounts) {
            if (mount.bind()) {
                mounts.add(new Mount().withType(MountType.BIND).withSource(mount.source()).withTarget(mount.target()));
            } else {
                docker().createVolumeCmd().withName(mount.source()).withLabels(mount.labels()).exec();
                mounts.add(new Mount().withType(MountType.VOLUME).withSource(mount.source()).withTarget(mount.target()));
            }
        }
        return mounts;
    }

    private Resource track(Resource resource, boolean keep) {
        tracker.register(resource, keep);
        return resource;
    }

    /** capAdd names as docker accepts them: with or without {@code CAP_}, any case. */
    private Capability[] capabilities(List<String> names) throws ContainerEngineException {
        List<Capability> capabilities = new ArrayList<>();
        for (String name : names) {
            String key = name.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
            try {
                capabilities.add(Capability.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new ContainerEngineException("devcontainer.json adds the capability " + name + ", which the"
                        + " Docker API client does not know", host, e);
            }
        }
        return capabilities.toArray(Capability[]::new);
    }

    private String cannotStart(String image, RuntimeException e) {
        String reason = Errors.rootMessage(e);
        String text = "The Docker daemon at " + host + " would not start " + image + " as a devcontainer client does: " + reason;
        if (rootless()) {
            return text + ". This daemon runs rootless, and a rootless daemon cannot grant what Docker-in-Docker"
                    + " needs. Verify against a rootful daemon (DOCKER_HOST or " + Setting.ref("dockerHost") + ").";
        }
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("operation not permitted") || lower.contains("privileged") || lower.contains("capabilit")) {
            return text + ". The daemon cannot grant privileged containers here: it may run rootless, in a"
                    + " user namespace, or on a host whose capability bounding set lacks capabilities that"
                    + " --privileged asks for. Docker-in-Docker needs a daemon that can run docker run --privileged.";
        }
        return text;
    }

    private boolean rootless() {
        try {
            Info info = docker().infoCmd().exec();
            return info.getSecurityOptions() != null
                    && info.getSecurityOptions().stream().anyMatch(o -> o.contains("rootless"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Optional<String> stoppedBy() {
        return tracker.stoppedBy();
    }

    @Override
    public int sweepLeftovers() {
        try {
            return tracker.sweepLeftovers();
        } catch (RuntimeException e) {
            console.warn("Could not look for what earlier verify runs left behind at " + host + ": " + Errors.rootMessage(e));
            return 0;
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
