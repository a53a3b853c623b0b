package io.github.dind.devcontainer.devcontainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of devcontainer.json's {@code runArgs} that verify emulates: {@code --network}/{@code --net},
 * {@code --privileged} (read by {@link LaunchSettings}), {@code --init}, {@code --cap-add},
 * {@code --security-opt}, {@code --add-host}, {@code -e}/{@code --env} (also {@code --flag=value} and
 * {@code -eNAME=VALUE}). Every other argument becomes a warning that names it; an unknown flag
 * followed by a word that is not a flag is taken to be that flag's value.
 */
public final class RunArgs {
    private static final List<String> WITH_VALUE = List.of("--network", "--net", "--cap-add", "--security-opt",
            "--add-host", "-e", "--env");

    public boolean init;
    public String network;
    public final Map<String, String> environment = new LinkedHashMap<>();
    public final List<String> capAdd = new ArrayList<>();
    public final List<String> securityOpt = new ArrayList<>();
    public final List<String> extraHosts = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    private RunArgs() {
    }

    public static RunArgs parse(List<String> args) {
        RunArgs parsed = new RunArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            boolean longForm = arg.startsWith("--") && eq > 0;
            String name = longForm ? arg.substring(0, eq) : arg;
            String inline = longForm ? arg.substring(eq + 1) : null;
            if (name.equals("--privileged")) {
                continue;
            }
            if (name.equals("--init")) {
                parsed.init = true;
            } else if (name.startsWith("-e") && name.length() > 2 && !name.startsWith("--")) {
                parsed.env(name.substring(2));
            } else if (WITH_VALUE.contains(name)) {
                String value = inline != null ? inline : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    parsed.warnings.add("The runArg " + name + " has no value; it is ignored");
                } else {
                    parsed.take(name, value);
                }
            } else {
                String shown = arg;
                if (arg.startsWith("-") && inline == null && i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                    shown = arg + " " + args.get(++i);
                }
                parsed.warnings.add("The runArg " + shown + " is not emulated by verify: the container starts without it");
            }
        }
        return parsed;
    }

    private void take(String name, String value) {
        switch (name) {
            case "--network", "--net" -> network = value;
            case "--cap-add" -> capAdd.add(value);
            case "--security-opt" -> securityOpt.add(value);
            case "--add-host" -> extraHosts.add(value);
            default -> env(value);
        }
    }

    private void env(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            warnings.add("The runArg -e " + assignment + " takes its value from the client's environment; verify"
                    + " does not emulate it");
            return;
        }
        environment.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
}
