package io.github.dind.devcontainer.verify;

import io.github.dind.devcontainer.verify.checks.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits the checks, kept in order, into batches that run one after the other: a batch is either
 * one check, or a run of neighbours that are all {@link Check#concurrent()} and none of which
 * requires another of the same batch, so each batch's prerequisites have all finished before it
 * starts. Running such a batch at once overlaps the inner daemon's work (image imports, container
 * starts, a BuildKit build) instead of waiting for each in turn.
 */
final class CheckBatches {
    private CheckBatches() {
    }

    static List<List<Check>> of(List<Check> checks) {
        List<List<Check>> batches = new ArrayList<>();
        List<Check> current = new ArrayList<>();
        for (Check check : checks) {
            if (!current.isEmpty() && !(check.concurrent() && current.get(0).concurrent() && independent(check, current))) {
                batches.add(List.copyOf(current));
                current.clear();
            }
            current.add(check);
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }

    private static boolean independent(Check check, List<Check> batch) {
        Set<String> ids = batch.stream().map(Check::id).collect(Collectors.toSet());
        return check.requires().stream().noneMatch(ids::contains);
    }
}
