package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.spec.LaunchSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks verify runs, in order, and the ids a user may select with {@code only}. */
public final class CheckCatalog {
    private CheckCatalog() {
    }

    /** A command check from the pom. */
    public record Command(String name, String command, int expectedExitCode, Duration timeout) {
    }

    /** How long checks may take. */
    public record Timeouts(Duration ready, Duration check, Duration stopGracePeriod) {
    }

    /**
     * @param only the check ids to run ({@code command:NAME} for a pom check, {@code commands} for all
     *     of them); empty runs everything
     * @throws IllegalArgumentException naming an unknown id and listing the valid ones
     */
    public static List<Check> checks(LaunchSettings settings, List<Command> commands, Timeouts timeouts, Set<String> only) {
        List<Check> all = new ArrayList<>(List.of(
                new RunningCheck(),
                new Pid1Check(timeouts.check()),
                new DockerdProcessCheck(timeouts.ready()),
                new DockerInfoCheck(timeouts.ready()),
                new InnerContainerCheck(timeouts.check().multipliedBy(2)),
                new InnerNetworkCheck(timeouts.check().multipliedBy(2)),
                new SocketInContainerCheck(timeouts.check()),
                new MtuCheck(timeouts.check()),
                new InnerDnsCheck(timeouts.check()),
                new BuildkitCheck(timeouts.check().multipliedBy(2)),
                new ReapingCheck(timeouts.check())));
        for (Command command : commands) {
            all.add(new CommandCheck(command.name(), command.command(), command.expectedExitCode(), command.timeout()));
        }
        all.add(new StopCheck(timeouts.stopGracePeriod()));
        all.add(new ResumeCheck(timeouts.ready()));
        if (!settings.postStartCommand().isEmpty()) {
            all.add(new PostStartCheck(settings.postStartCommand(), settings.remoteUser(), timeouts.ready()));
        }
        if (only.isEmpty()) {
            return all;
        }
        Set<String> known = all.stream().map(Check::id).collect(Collectors.toCollection(LinkedHashSet::new));
        known.add("commands");
        List<String> unknown = only.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("names unknown checks " + unknown + "; the checks are "
                    + String.join(", ", known));
        }
        return all.stream()
                .filter(c -> only.contains(c.id()) || only.contains("commands") && c instanceof CommandCheck)
                .toList();
    }
}
