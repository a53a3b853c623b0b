package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The option values a Feature is installed with: its defaults, overridden by what devcontainer.json
 * (or a {@code dependsOn}) gives — an object of options; a string for the {@code version} option;
 * {@code true} or {@code {}} for the defaults (devcontainers/cli, containerFeaturesConfiguration.ts
 * {@code getFeatureValueObject}). Unlike the CLI, which passes anything on, a value is checked
 * against the Feature's declaration: an unknown option, a string for a boolean option (or the
 * reverse) and a string outside the option's {@code enum} fail, naming the Feature and the option.
 */
public final class FeatureOptions {
    private FeatureOptions() {
    }

    /**
     * @param given the value in devcontainer.json; null for none
     * @param userFeatureId the Feature as devcontainer.json names it, for messages
     * @return each option with a value (declared order, then the user's), as strings ({@code true}/{@code false} for booleans)
     * @throws FeatureException naming the Feature and the option
     */
    public static Map<String, String> resolve(FeatureDefinition feature, JsonNode given, String userFeatureId)
            throws FeatureException {
        Map<String, String> values = new LinkedHashMap<>();
        feature.options().forEach((name, option) -> {
            if (option.defaultValue() != null && !option.defaultValue().isNull()) {
                values.put(name, option.defaultValue().asText());
            }
        });
        if (given == null || given.isNull() || given.isMissingNode() || (given.isBoolean() && given.asBoolean())) {
            return values;
        }
        if (given.isBoolean()) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" is set to false in devcontainer.json:"
                    + " remove it from \"features\" instead (clients do not read false as \"leave it out\")");
        }
        if (given.isTextual()) {
            if (!feature.options().containsKey("version")) {
                throw new FeatureException("The Feature \"" + userFeatureId + "\" is given the string \"" + given.asText()
                        + "\", which sets its \"version\" option, but it declares no such option; give an object of options,"
                        + " or {} for the defaults");
            }
            check(feature, "version", given, userFeatureId);
            values.put("version", given.asText());
            return values;
        }
        if (!given.isObject()) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" has the value " + given
                    + " in devcontainer.json: give an object of options, or {} for the defaults");
        }
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
            check(feature, entry.getKey(), entry.getValue(), userFeatureId);
            values.put(entry.getKey(), entry.getValue().asText());
        }
        return values;
    }

    private static void check(FeatureDefinition feature, String name, JsonNode value, String userFeatureId)
            throws FeatureException {
        FeatureOption option = feature.options().get(name);
        if (option == null) {
            throw new FeatureException("The Feature \"" + userFeatureId + "\" has no option \"" + name + "\"; its options are "
                    + (feature.options().isEmpty() ? "none" : String.join(", ", feature.options().keySet())));
        }
        boolean fits = option.type().equals("boolean") ? value.isBoolean() : value.isTextual();
        if (!fits) {
            throw new FeatureException("The option \"" + name + "\" of the Feature \"" + userFeatureId + "\" is a "
                    + option.type() + ", not " + value + (option.type().equals("boolean") ? ": write true or false" : ": quote it"));
        }
        if (!option.allowed().isEmpty() && !option.allowed().contains(value.asText())) {
            throw new FeatureException("The option \"" + name + "\" of the Feature \"" + userFeatureId + "\" is \""
                    + value.asText() + "\"; it allows " + String.join(", ", option.allowed()));
        }
    }

    /**
     * devcontainers/cli, containerFeatures.ts {@code getSafeId}: an option's name as its environment
     * variable — each character but letters, digits and '_' becomes '_', leading digits and '_' one
     * '_', upper case.
     */
    public static String variableName(String option) {
        return option.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("^[\\d_]+", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
