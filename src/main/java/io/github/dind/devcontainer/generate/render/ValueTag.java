package io.github.dind.devcontainer.generate.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value tag as written in a template: the variable and the contexts its suffixes name, innermost
 * first. {@code name.shell.json} is the variable {@code name}, escaped as a shell word, then as a
 * JSON string; {@code name} alone has no suffix and takes the file's bare context.
 */
record ValueTag(String variable, List<EscapeContext> contexts) {
    ValueTag {
        contexts = List.copyOf(contexts);
    }

    static ValueTag parse(String text) {
        String variable = text.strip();
        List<EscapeContext> outerFirst = new ArrayList<>();
        int dot = variable.lastIndexOf('.');
        while (dot > 0) {
            Optional<EscapeContext> context = EscapeContext.ofTag(variable.substring(dot + 1));
            if (context.isEmpty()) {
                break;
            }
            outerFirst.add(context.get());
            variable = variable.substring(0, dot);
            dot = variable.lastIndexOf('.');
        }
        List<EscapeContext> innerFirst = new ArrayList<>(outerFirst.size());
        for (int i = outerFirst.size() - 1; i >= 0; i--) {
            innerFirst.add(outerFirst.get(i));
        }
        return new ValueTag(variable, innerFirst);
    }

    boolean bare() {
        return contexts.isEmpty();
    }

    /** The contexts to apply, innermost first: the suffixes, or the format's bare context. */
    List<EscapeContext> contextsIn(Format format) {
        return bare() ? List.of(format.bareContext()) : contexts;
    }

    /** How the tag is written, e.g. {@code {{name.shell}}}. */
    String written() {
        StringBuilder out = new StringBuilder("{{").append(variable);
        contexts.forEach(c -> out.append('.').append(c.tag().orElseThrow()));
        return out.append("}}").toString();
    }
}
