package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The order Features are installed in, computed as devcontainers/cli does it
 * (containerFeaturesOrder.ts {@code buildDependencyGraph} and {@code computeDependsOnInstallationOrder};
 * containers.dev, Features reference, "Installation order"):
 * <ol>
 *   <li>the graph: the Features of devcontainer.json, then each {@code dependsOn} Feature (with the
 *       options given there) until none is new — the same source with the same options is one node;
 *       {@code installsAfter} adds edges, never nodes;</li>
 *   <li>{@code overrideFeatureInstallOrder}: the first id listed gets the highest round priority;</li>
 *   <li>rounds: each round takes every Feature whose {@code dependsOn} and {@code installsAfter} are
 *       installed (an {@code installsAfter} to a Feature not installed at all is dropped), keeps those
 *       of the highest priority, and sorts them ({@link #compare}); no Feature ready means a cycle,
 *       which fails naming the Features in it.</li>
 * </ol>
 * Two Features from registries are the same node when their manifest digests and options are; an
 * {@code installsAfter} (or an override) names one by its resource, whatever the tag, or by an id its
 * metadata lists in {@code legacyIds} (see {@link #compareOci} and {@code satisfies}).
 */
public final class FeatureInstallOrder {
    /** Reads what a Feature id names (its source, and for the installed ones their definition). */
    public interface Catalog {
        /**
         * The Feature's source; an OCI one comes resolved to its manifest (the CLI's
         * {@code processFeatureIdentifier} fetches it for every Feature the algorithm meets).
         *
         * @throws FeatureException when the id cannot be a Feature (see {@link FeatureSource#parse}),
         *     or an OCI Feature's manifest cannot be had
         */
        FeatureSource source(String userFeatureId) throws FeatureException;

        /** @throws FeatureException when the Feature cannot be read or fetched */
        FeatureDefinition definition(String userFeatureId, FeatureSource source) throws FeatureException;
    }

    /** A Feature to install: as named, from where, with which options (as given, before defaults). */
    public record Planned(String userFeatureId, FeatureSource source, FeatureDefinition definition, JsonNode options) {
    }

    private static final class Node {
        final String userFeatureId;
        final JsonNode options;
        FeatureSource source;
        FeatureDefinition definition;
        int roundPriority;
        /** The Feature's ids (the CLI's {@code featureIdAliases}): null until its metadata is read. */
        List<String> aliases;
        final List<Node> dependsOn = new ArrayList<>();
        final List<Node> installsAfter = new ArrayList<>();

        Node(String userFeatureId, JsonNode options) {
            this.userFeatureId = userFeatureId;
            this.options = options == null ? JsonNodeFactory.instance.objectNode() : options;
        }
    }

    private FeatureInstallOrder() {
    }

    /**
     * @param features devcontainer.json's {@code features}, in its order (id → options as given)
     * @param override devcontainer.json's {@code overrideFeatureInstallOrder}; empty when absent
     * @throws FeatureException when a Feature cannot be read, or the dependencies form a cycle
     */
    public static List<Planned> compute(Map<String, JsonNode> features, List<String> override, Catalog catalog)
            throws FeatureException {
        List<Node> worklist = new ArrayList<>();
        features.forEach((id, options) -> worklist.add(new Node(id, options)));
        List<Node> graph = graph(worklist, catalog);
        for (int i = override.size() - 1; i >= 0; i--) {
            int priority = override.size() - i;
            Node preferred = new Node(override.get(i), null);
            preferred.source = catalog.source(preferred.userFeatureId);
            for (Node node : graph) {
                if (satisfies(node, preferred)) {
                    node.roundPriority = Math.max(node.roundPriority, priority);
                }
            }
        }
        for (Node node : graph) {
            node.installsAfter.removeIf(soft -> graph.stream().noneMatch(n -> satisfies(n, soft)));
        }
        List<Node> pending = new ArrayList<>(graph);
        List<Node> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Node> round = pending.stream().filter(node -> node.dependsOn.isEmpty() && node.installsAfter.isEmpty()
                    || node.dependsOn.stream().allMatch(dep -> order.stream().anyMatch(done -> same(done, dep)))
                    && node.installsAfter.stream().allMatch(dep -> order.stream().anyMatch(done -> satisfies(done, dep))))
                    .toList();
            if (round.isEmpty()) {
                TreeSet<String> left = new TreeSet<>();
                pending.forEach(n -> left.add(n.userFeatureId));
                throw new FeatureException("The Features' dependsOn and installsAfter form a cycle among "
                        + String.join(", ", left) + ": no order installs each after what it needs."
                        + " Break the cycle in their devcontainer-feature.json files, or drop one from devcontainer.json");
            }
            int max = round.stream().mapToInt(n -> n.roundPriority).max().orElse(0);
            List<Node> taken = new ArrayList<>(round.stream().filter(n -> n.roundPriority == max).toList());
            pending.removeIf(n -> taken.stream().anyMatch(t -> same(t, n)));
            taken.sort(FeatureInstallOrder::compare);
            order.addAll(taken);
        }
        return order.stream().map(n -> new Planned(n.userFeatureId, n.source, n.definition, n.options)).toList();
    }

    /** {@code _buildDependencyGraph}: every Feature to install, each once. */
    private static List<Node> graph(List<Node> worklist, Catalog catalog) throws FeatureException {
        List<Node> accumulated = new ArrayList<>();
        while (!worklist.isEmpty()) {
            Node current = worklist.remove(0);
            current.source = catalog.source(current.userFeatureId);
            if (accumulated.stream().anyMatch(done -> same(done, current))) {
                continue;
            }
            current.definition = catalog.definition(current.userFeatureId, current.source);
            current.aliases = current.source instanceof FeatureSource.Oci oci && oci.manifest().metadata() != null
                    ? oci.manifest().aliases() : current.definition.aliases();
            for (Map.Entry<String, JsonNode> dependency : current.definition.dependsOn().entrySet()) {
                Node node = new Node(dependency.getKey(), dependency.getValue());
                current.dependsOn.add(node);
                worklist.add(node);
            }
            for (String softDependency : current.definition.installsAfter()) {
                Node node = new Node(softDependency, null);
                node.source = catalog.source(softDependency);
                if (node.source instanceof FeatureSource.Oci oci) {
                    // getOCIFeatureMetadata: the manifest's annotation, else the Feature's own file
                    node.aliases = oci.manifest().metadata() != null ? oci.manifest().aliases()
                            : catalog.definition(softDependency, node.source).aliases();
                }
                current.installsAfter.add(node);
            }
            accumulated.add(current);
        }
        return accumulated;
    }

    /** {@code equals}: the same kind of source and {@link #compare} zero. */
    private static boolean same(Node a, Node b) {
        return a.source.getClass() == b.source.getClass() && compare(a, b) == 0;
    }

    /**
     * {@code satisfiesSoftDependency}: the node is the Feature {@code soft} names, whatever its
     * options; for OCI Features the same resource (without tag or digest), or one of the ids
     * {@code soft}'s metadata lists ({@code legacyIds}) in its registry and namespace.
     */
    private static boolean satisfies(Node node, Node soft) {
        if (node.source instanceof FeatureSource.Local a && soft.source instanceof FeatureSource.Local b) {
            return a.folder().equals(b.folder());
        }
        if (node.source instanceof FeatureSource.Tarball a && soft.source instanceof FeatureSource.Tarball b) {
            return a.uri().equals(b.uri());
        }
        if (node.source instanceof FeatureSource.Oci a && soft.source instanceof FeatureSource.Oci b) {
            String prefix = b.ref().registry() + "/" + b.ref().namespace() + "/";
            return a.ref().resource().equals(b.ref().resource())
                    || soft.aliases != null && soft.aliases.stream().anyMatch(id -> (prefix + id).equals(a.ref().resource()));
        }
        return false;
    }

    /**
     * {@code compareTo}: by id across kinds; by path (or URL), then options within one; OCI Features
     * as {@link #compareOci} orders them.
     */
    private static int compare(Node a, Node b) {
        if (a.source.getClass() != b.source.getClass()) {
            return LocaleOrder.INSTANCE.compare(a.userFeatureId, b.userFeatureId);
        }
        if (a.source instanceof FeatureSource.Oci x && b.source instanceof FeatureSource.Oci y) {
            return compareOci(a, x, b, y);
        }
        int where;
        if (a.source instanceof FeatureSource.Local x && b.source instanceof FeatureSource.Local y) {
            where = LocaleOrder.INSTANCE.compare(x.folder().toString(), y.folder().toString());
        } else if (a.source instanceof FeatureSource.Tarball x && b.source instanceof FeatureSource.Tarball y) {
            where = LocaleOrder.INSTANCE.compare(x.uri(), y.uri());
        } else {
            throw new IllegalStateException("a source of an unknown kind: " + a.source);
        }
        return where != 0 ? where : compareOptions(a.options, b.options);
    }

    /**
     * {@code compareTo}'s OCI case: the same manifest with the same options is the same Feature; else
     * by registry and namespace, then by id unless the two share an id or alias
     * ({@code ociResourceCompareTo}), then by tag (when both have one), options, manifest digest.
     */
    private static int compareOci(Node a, FeatureSource.Oci x, Node b, FeatureSource.Oci y) {
        String aDigest = x.manifest().digest();
        String bDigest = y.manifest().digest();
        if (aDigest.equals(bDigest) && compareOptions(a.options, b.options) == 0) {
            return 0;
        }
        String aPrefix = x.ref().registry() + "/" + x.ref().namespace();
        String bPrefix = y.ref().registry() + "/" + y.ref().namespace();
        if (!aPrefix.equals(bPrefix)) {
            return LocaleOrder.INSTANCE.compare(aPrefix, bPrefix);
        }
        List<String> aIds = a.aliases != null ? a.aliases : List.of(x.ref().id());
        List<String> bIds = b.aliases != null ? b.aliases : List.of(y.ref().id());
        if (aIds.stream().noneMatch(bIds::contains)) {
            return LocaleOrder.INSTANCE.compare(x.ref().id(), y.ref().id());
        }
        String aTag = x.ref().tag();
        String bTag = y.ref().tag();
        if (aTag != null && bTag != null && !aTag.equals(bTag)) {
            return LocaleOrder.INSTANCE.compare(aTag, bTag);
        }
        int options = compareOptions(a.options, b.options);
        if (options != 0) {
            return options;
        }
        return aDigest.equals(bDigest) ? 0 : LocaleOrder.INSTANCE.compare(aDigest, bDigest);
    }

    /** {@code optionsCompareTo}. */
    private static int compareOptions(JsonNode a, JsonNode b) {
        if (a.isTextual() && b.isTextual()) {
            return LocaleOrder.INSTANCE.compare(a.asText(), b.asText());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.asBoolean(), b.asBoolean());
        }
        if (a.isObject() && b.isObject()) {
            Map<String, JsonNode> x = sorted(a);
            Map<String, JsonNode> y = sorted(b);
            if (x.size() != y.size()) {
                return x.size() - y.size();
            }
            Iterator<Map.Entry<String, JsonNode>> i = x.entrySet().iterator();
            Iterator<Map.Entry<String, JsonNode>> j = y.entrySet().iterator();
            while (i.hasNext()) {
                Map.Entry<String, JsonNode> p = i.next();
                Map.Entry<String, JsonNode> q = j.next();
                if (!p.getKey().equals(q.getKey())) {
                    return LocaleOrder.INSTANCE.compare(p.getKey(), q.getKey());
                }
                int c = p.getValue().isTextual() && q.getValue().isTextual()
                        ? LocaleOrder.INSTANCE.compare(p.getValue().asText(), q.getValue().asText())
                        : p.getValue().isBoolean() && q.getValue().isBoolean()
                        ? Boolean.compare(p.getValue().asBoolean(), q.getValue().asBoolean()) : 0;
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        return LocaleOrder.INSTANCE.compare(jsType(a), jsType(b));
    }

    private static Map<String, JsonNode> sorted(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(Comparator.naturalOrder());
        names.forEach(n -> fields.put(n, object.get(n)));
        return fields;
    }

    private static String jsType(JsonNode node) {
        return node.isTextual() ? "string" : node.isBoolean() ? "boolean" : node.isNumber() ? "number" : "object";
    }
}
