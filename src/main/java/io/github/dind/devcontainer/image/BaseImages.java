package io.github.dind.devcontainer.image;

import io.github.dind.devcontainer.devcontainer.ImageReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a Dockerfile builds {@code FROM}: stage references and {@code scratch} left out,
 * global {@code ARG}s and build args substituted. A reference that still holds an unknown variable
 * is skipped: the daemon will resolve it. With a target, the stages after it are left out: the
 * classic builder stops at the target stage (moby {@code builder/dockerfile} {@code dispatchFromDockerfile}
 * runs the stages in order up to it).
 */
final class BaseImages {
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    /** One declaration of an ARG line: a name, and a default that may be quoted. */
    private static final Pattern ARG_DECLARATION = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*)(?:=(?:\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S*))?");

    private BaseImages() {
    }

    static List<String> of(String dockerfile, Map<String, String> buildArgs) {
        return of(dockerfile, buildArgs, null);
    }

    /** @param target the stage the build stops at; null for the last */
    static List<String> of(String dockerfile, Map<String, String> buildArgs, String target) {
        return registryFroms(dockerfile, buildArgs, target).stream().map(RegistryFrom::image)
                .filter(image -> image != null && ImageReference.isValid(image)).distinct().toList();
    }

    /**
     * The names the Dockerfile declares with {@code ARG}, in any stage or before the first {@code FROM}
     * ({@code ARG NAME}, {@code ARG NAME=default}, several on one line).
     */
    static Set<String> declaredArgs(String dockerfile) {
        Set<String> names = new LinkedHashSet<>();
        for (String instruction : instructions(dockerfile)) {
            String[] keyword = instruction.strip().split("\\s+", 2);
            if ("ARG".equalsIgnoreCase(keyword[0]) && keyword.length > 1) {
                Matcher m = ARG_DECLARATION.matcher(keyword[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** The names of the Dockerfile's stages ({@code FROM ... AS name}), lower-cased, in order. */
    static List<String> stageNames(String dockerfile) {
        List<String> names = new ArrayList<>();
        for (String instruction : instructions(dockerfile)) {
            String[] words = instruction.strip().split("\\s+");
            if ("FROM".equalsIgnoreCase(words[0])) {
                List<String> operands = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("--")) {
                        operands.add(words[i]);
                    }
                }
                if (operands.size() >= 3 && "AS".equalsIgnoreCase(operands.get(1))) {
                    names.add(operands.get(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** Logical lines: comments dropped, backslash continuations joined. */
    static List<String> instructions(String dockerfile) {
        return numberedInstructions(dockerfile).stream().map(Instruction::text).toList();
    }

    /** A logical line and the number (from 1) of the line it starts on. */
    record Instruction(int line, String text) {
    }

    /** {@link #instructions}, each with the line it starts on. */
    static List<Instruction> numberedInstructions(String dockerfile) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int number = 0;
        int start = 0;
        for (String line : dockerfile.split("\\R")) {
            number++;
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (current.length() == 0) {
                start = number;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                if (current.toString().isBlank()) {
                    current.setLength(0);
                    continue;
                }
                result.add(new Instruction(start, current.toString()));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(new Instruction(start, current.toString()));
        }
        return result;
    }

    /**
     * A {@code FROM} that names a registry image: its line, and the image with the global {@code ARG}s and
     * build args substituted (null when a variable in it has no value here).
     */
    record RegistryFrom(Instruction instruction, String image) {
    }

    /**
     * The {@code FROM}s of the stages the build runs (up to {@code target}) that name a registry image:
     * not {@code scratch}, not an earlier stage (moby {@code builder/dockerfile}: a FROM naming an earlier
     * stage's name builds on that stage).
     *
     * @param target the stage the build stops at; null for the last
     */
    static List<RegistryFrom> registryFroms(String dockerfile, Map<String, String> buildArgs, String target) {
        Map<String, String> globalArgs = new HashMap<>();
        Set<String> stages = new LinkedHashSet<>();
        List<RegistryFrom> froms = new ArrayList<>();
        boolean seenFrom = false;
        for (Instruction instruction : numberedInstructions(dockerfile)) {
            String[] words = instruction.text().strip().split("\\s+");
            String keyword = words[0].toUpperCase(Locale.ROOT);
            if ("ARG".equals(keyword) && !seenFrom) {
                for (int i = 1; i < words.length; i++) {
                    String[] nameValue = words[i].split("=", 2);
                    String value = buildArgs.containsKey(nameValue[0]) ? buildArgs.get(nameValue[0])
                            : nameValue.length > 1 ? unquote(nameValue[1]) : null;
                    if (value != null) {
                        globalArgs.put(nameValue[0], value);
                    }
                }
            } else if ("FROM".equals(keyword)) {
                seenFrom = true;
                List<String> operands = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("--")) {
                        operands.add(words[i]);
                    }
                }
                if (operands.isEmpty()) {
                    continue;
                }
                String image = substitute(operands.get(0), globalArgs);
                boolean stage = image != null && stages.contains(image.toLowerCase(Locale.ROOT));
                if (!"scratch".equalsIgnoreCase(image) && !stage) {
                    froms.add(new RegistryFrom(instruction, image));
                }
                if (operands.size() >= 3 && "AS".equalsIgnoreCase(operands.get(1))) {
                    stages.add(operands.get(2).toLowerCase(Locale.ROOT));
                }
                if (target != null && operands.size() >= 3 && operands.get(2).equalsIgnoreCase(target)) {
                    break;
                }
            }
        }
        return froms;
    }

    private static String substitute(String word, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(word);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = args.containsKey(name) ? args.get(name) : m.group(2);
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
