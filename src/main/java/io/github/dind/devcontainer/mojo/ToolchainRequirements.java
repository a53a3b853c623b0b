package io.github.dind.devcontainer.mojo;

import io.github.dind.devcontainer.generate.request.JavaToolchain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.RequirementMatcherFactory;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The JDKs a reactor's builds ask for through Maven toolchains, read from the effective poms: the
 * {@code <toolchains><jdk>} of {@code maven-toolchains-plugin}'s {@code toolchain} goal and the
 * {@code <version>}/{@code <vendor>} of its {@code select-jdk-toolchain} goal (3.2.0), and the
 * {@code <jdkToolchain>} that the compiler, surefire, failsafe and javadoc plugins take, in each
 * plugin's configuration and its executions'. Matching is Maven's own
 * ({@code RequirementMatcherFactory}, what {@code ToolchainManager} applies to toolchains.xml).
 */
final class ToolchainRequirements {
    private static final String TOOLCHAINS_PLUGIN = "org.apache.maven.plugins:maven-toolchains-plugin";

    private ToolchainRequirements() {
    }

    /** Every distinct requirement, in the order of the projects and their plugins; the first place each is found names it. */
    static List<JavaToolchain.Requirement> of(List<MavenProject> projects) {
        Map<String, JavaToolchain.Requirement> found = new LinkedHashMap<>();
        for (MavenProject project : projects) {
            for (Plugin plugin : project.getBuildPlugins()) {
                List<Xpp3Dom> configurations = new ArrayList<>();
                configurations.add((Xpp3Dom) plugin.getConfiguration());
                for (PluginExecution execution : plugin.getExecutions()) {
                    configurations.add((Xpp3Dom) execution.getConfiguration());
                }
                boolean toolchainsPlugin = TOOLCHAINS_PLUGIN.equals(plugin.getKey());
                for (Xpp3Dom configuration : configurations) {
                    if (configuration == null) {
                        continue;
                    }
                    if (toolchainsPlugin) {
                        add(found, child(configuration, "toolchains", "jdk"), plugin, "<toolchains><jdk>", project);
                        add(found, configuration, plugin, "", project); // select-jdk-toolchain's own <version>, <vendor>
                    } else {
                        add(found, configuration.getChild("jdkToolchain"), plugin, "<jdkToolchain>", project);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** A {@code <version>} and {@code <vendor>} pair; either alone is a requirement (a vendor alone accepts any version). */
    private static void add(Map<String, JavaToolchain.Requirement> found, Xpp3Dom jdk, Plugin plugin, String element,
            MavenProject project) {
        String version = text(jdk, "version");
        String vendor = text(jdk, "vendor");
        if (version == null && vendor == null) {
            return;
        }
        String source = plugin.getArtifactId() + "'s " + element + "<" + (version != null ? "version" : "vendor")
                + "> in " + project.getArtifactId();
        found.putIfAbsent(version + "\n" + vendor, new JavaToolchain.Requirement(version, vendor, source,
                version == null ? any -> true : matcher(version)));
    }

    /** Whether a toolchain that provides {@code <version>N</version>} meets the requirement, as Maven decides. */
    static IntPredicate matcher(String requirement) {
        try {
            VersionRange.createFromVersionSpec(requirement); // Maven's matcher prints a stack trace for a bad spec
        } catch (InvalidVersionSpecificationException e) {
            return version -> false;
        }
        return version -> RequirementMatcherFactory.createVersionMatcher(Integer.toString(version)).matches(requirement);
    }

    private static Xpp3Dom child(Xpp3Dom node, String... path) {
        Xpp3Dom current = node;
        for (String name : path) {
            current = current == null ? null : current.getChild(name);
        }
        return current;
    }

    private static String text(Xpp3Dom node, String name) {
        Xpp3Dom child = node == null ? null : node.getChild(name);
        return child == null || child.getValue() == null || child.getValue().isBlank() ? null : child.getValue().strip();
    }
}
