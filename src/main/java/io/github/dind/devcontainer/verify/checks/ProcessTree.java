package io.github.dind.devcontainer.verify.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The container's processes, read from {@code /proc/[0-9]*\/stat}, with their parent chains. */
final class ProcessTree {
    /** Prints every process's stat line; processes that exit meanwhile are skipped. */
    static final String[] READ_COMMAND = {"/bin/sh", "-c", "cat /proc/[0-9]*/stat 2>/dev/null; true"};

    private final Map<Long, ProcStat> byPid;

    ProcessTree(List<ProcStat> processes) {
        this.byPid = processes.stream().collect(Collectors.toMap(ProcStat::pid, Function.identity(), (a, b) -> a));
    }

    static ProcessTree parse(String statLines) {
        return new ProcessTree(ProcStat.parseAll(statLines));
    }

    List<ProcStat> named(String comm) {
        return byPid.values().stream().filter(p -> p.comm().equals(comm)).sorted((a, b) -> Long.compare(a.pid(), b.pid())).toList();
    }

    Optional<ProcStat> get(long pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** The chain from a process up to the root: {@code dockerd (31) < sleep (7) < dumb-init (1)}. */
    List<ProcStat> ancestry(ProcStat process) {
        List<ProcStat> chain = new ArrayList<>();
        ProcStat current = process;
        while (current != null && chain.size() < 64) {
            chain.add(current);
            current = current.ppid() == current.pid() ? null : byPid.get(current.ppid());
        }
        return chain;
    }

    boolean descendsFromPid1(ProcStat process) {
        return ancestry(process).stream().anyMatch(p -> p.pid() == 1);
    }

    /** Every process, for a message: {@code dumb-init (1), sleep (7)}. */
    String describeAll() {
        return byPid.values().stream().sorted((a, b) -> Long.compare(a.pid(), b.pid()))
                .map(p -> p.comm() + " (" + p.pid() + ")").collect(Collectors.joining(", "));
    }

    static String describe(List<ProcStat> chain) {
        return chain.stream().map(p -> p.comm() + " (" + p.pid() + ")").collect(Collectors.joining(" < "));
    }
}
