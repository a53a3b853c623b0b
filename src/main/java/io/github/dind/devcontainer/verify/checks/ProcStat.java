package io.github.dind.devcontainer.verify.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}: pid, command name, state and parent pid. The command name
 * sits in parentheses and may itself hold spaces and parentheses, so it ends at the last {@code )}.
 */
record ProcStat(long pid, String comm, char state, long ppid) {

    static Optional<ProcStat> parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] rest = line.substring(close + 1).strip().split("\\s+");
        if (rest.length < 2 || rest[0].length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(Long.parseLong(line.substring(0, open).strip()), line.substring(open + 1, close),
                    rest[0].charAt(0), Long.parseLong(rest[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static List<ProcStat> parseAll(String text) {
        List<ProcStat> all = new ArrayList<>();
        text.lines().map(ProcStat::parse).flatMap(Optional::stream).forEach(all::add);
        return all;
    }

    boolean zombie() {
        return state == 'Z';
    }
}
