package io.github.dind.devcontainer.mojo;

import java.util.List;
import java.util.Optional;

/** A flag that skips a goal, with the property a user sets to raise it. */
record SkipFlag(String property, boolean set) {
    /** The property of the first flag that is set, if any: the reason a goal is skipped. */
    static Optional<String> firstSet(List<SkipFlag> flags) {
        return flags.stream().filter(SkipFlag::set).map(SkipFlag::property).findFirst();
    }
}
