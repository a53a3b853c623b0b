package io.github.dind.devcontainer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import io.github.dind.devcontainer.Console;
import io.github.dind.devcontainer.Errors;
import io.github.dind.devcontainer.Setting;
import io.github.dind.devcontainer.docker.Resources.Resource;
import io.github.dind.devcontainer.spec.ClientLaunch;
import io.github.dind.devcontainer.spec.ImageConfig;
import io.github.dind.devcontainer.spec.MountSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link ContainerEngine} on a docker-java connection; docker-java's exceptions stop here. */
public final class DockerEngine implements ContainerEngine {
    private final DockerClient docker;
    private final String host;
    private final Console console;
    private final ResourceTracker tracker;

    private DockerEngine(DockerClient docker, String host, Console console) {
        this.docker = docker;
        this.host = host;
        this.console = console;
        this.tracker = ResourceTracker.open(new DockerResources(docker), console);
    }

    /** An engine on an open connection; close the engine before the connection. */
    public static DockerEngine open(DockerConnection connection, Console console) {
        return new DockerEngine(connection.client(), connection.where(), console);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public ImageConfig inspectImage(String image) throws ContainerEngineException {
        try {
            InspectImageResponse inspected = docker.inspectImageCmd(image).exec();
            ContainerConfig config = inspected.getConfig();
            return config == null ? new ImageConfig(List.of(), List.of(), null, Map.of(), inspected.getId())
                    : new ImageConfig(list(config.getEntrypoint()), list(config.getCmd()), config.getUser(), config.getLabels(),
                            inspected.getId());
        } catch (NotFoundException e) {
            throw new ImageNotFoundException(image, host, e);
        } catch (RuntimeException e) {
            throw new ContainerEngineException("Could not inspect the image " + image + " at " + host + ": "
                    + Errors.rootMessage(e), host, e);
        }
    }

    @Override
    public String describeEngine(String network) throws ContainerEngineException {
        try {
            Info info = docker.infoCmd().exec();
            return "version " + info.getServerVersion()
                    + "; storage " + info.getDriver() + " " + info.getDriverStatuses()
                    + "; cgroup " + info.getCGroupVersion() + " " + info.getCGroupDriver()
                    + "; kernel " + info.getKernelVersion()
                    + "; os " + info.getOperatingSystem() + " " + info.getOsType() + " " + info.getArchitecture()
                    + "; security " + info.getSecurityOptions()
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
        try {
            Network network = docker.inspectNetworkCmd().withNetworkId(name).exec();
            List<String> subnets = network.getIpam() == null || network.getIpam().getConfig() == null ? List.of()
                    : network.getIpam().getConfig().stream()
                            .map(c -> c.getSubnet() + " " + c.getIpRange() + " " + c.getGateway()).toList();
            return name + " " + network.getDriver() + " " + new java.util.TreeMap<>(network.getOptions() == null
                    ? Map.of() : network.getOptions()) + " ipv6 " + network.getEnableIPv6() + " internal "
                    + network.getInternal() + " " + subnets;
        } catch (NotFoundException e) {
            return name + " absent";
        }
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Override
    public Container launch(ClientLaunch launch, String namePrefix, boolean keep) throws ContainerEngineException {
        Capability[] capabilities = capabilities(launch.capAdd());
        String name = namePrefix + "-" + ResourceTracker.shortId();
        Map<String, String> labels = tracker.labels(keep);
        List<Resource> created = new ArrayList<>();
        try {
            List<Mount> mounts = new ArrayList<>();
            for (MountSpec volume : launch.volumes()) {
                String volumeName = name + "-vol" + (mounts.size() + 1);
                created.add(track(Resource.volume(volumeName), keep));
                docker.createVolumeCmd().withName(volumeName).withLabels(labels).exec();
                mounts.add(new Mount().withType(MountType.VOLUME).withSource(volumeName).withTarget(volume.target()));
            }
            mounts.addAll(verifyMounts(launch.verifyMounts()));
            created.add(0, track(Resource.container(name), keep));
            CreateContainerCmd create = docker.createContainerCmd(launch.image())
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
            DockerContainer container = new DockerContainer(docker, id, name, launch.remoteUser(), created, keep, tracker,
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
                docker.createVolumeCmd().withName(mount.source()).withLabels(mount.labels()).exec();
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
            Info info = docker.infoCmd().exec();
            return info.getSecurityOptions() != null
                    && info.getSecurityOptions().stream().anyMatch(o -> o.contains("rootless"));
        } catch (RuntimeException e) {
            return false;
        }
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
