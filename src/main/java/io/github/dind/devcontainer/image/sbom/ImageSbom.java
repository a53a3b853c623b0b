package io.github.dind.devcontainer.image.sbom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Composition;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * The CycloneDX SBOM (JSON, specification 1.6, through cyclonedx-core-java) of a built
 * devcontainer image: the image as {@code metadata.component} (type {@code container}, its id as a
 * SHA-256 hash), the plugin as {@code metadata.tools}, the base images, the distribution as an
 * {@code operating-system} component and each OS package as a {@code library} with its purl. A
 * {@code compositions} entry says how complete the list is: {@code incomplete} when the package
 * database was read (software placed outside the package manager is not in it), {@code unknown}
 * when it could not be, with the reason as the property {@link #UNLISTED}.
 *
 * <p>The output is reproducible: the same image, inputs and plugin version give the same bytes
 * (no timestamp; the serial number is derived from the image id and the plugin version).
 *
 * <p>Its length is the CycloneDX model's setters, a method per kind of component (image, tool, base
 * image, distribution, package), which read best side by side.
 */
public final class ImageSbom {
    /** The namespace of the plugin's properties (CycloneDX property taxonomy: a name prefix of the tool's own). */
    public static final String NS = "io.github.dind.devcontainer:";
    public static final String UNLISTED = NS + "packages-unlisted";
    public static final String PACKAGE_DATABASE = NS + "package-database";
    public static final String ROLE = NS + "role";
    public static final Version SPEC = Version.VERSION_16;
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{64})");

    /** A base image the Dockerfile builds FROM; {@code digest} ({@code sha256:...}, from its RepoDigests) null when unknown. */
    public record BaseImage(String reference, String digest) {
    }

    /**
     * What the SBOM describes besides the packages.
     *
     * @param imageId the image's id ({@code sha256:...}: the digest of its configuration)
     * @param repository the image's repository ({@code app-devcontainer})
     * @param tags its tags, the first one the SBOM's version of the image
     * @param baseImages the Dockerfile's base images, in FROM order
     * @param javaVersion the JDK's feature version the devcontainer installs (devcontainer.json's
     *     {@code customizations."devcontainer-maven-plugin".javaVersion}); empty when none
     * @param maven whether it installs Maven ({@code ...maven})
     * @param features the Features installed on top, as devcontainer.json names them
     * @param pluginVersion the plugin's own version
     */
    public record Subject(String imageId, String repository, List<String> tags, List<BaseImage> baseImages,
            OptionalInt javaVersion, boolean maven, List<String> features, String pluginVersion) {
        public Subject {
            tags = List.copyOf(tags);
            baseImages = List.copyOf(baseImages);
            features = List.copyOf(features);
        }
    }

    private ImageSbom() {
    }

    /** The SBOM as CycloneDX JSON. */
    public static String json(Subject subject, PackageInventory inventory) {
        try {
            return new BomJsonGenerator(bom(subject, inventory), SPEC).toJsonString() + "\n";
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX could not write the SBOM: " + e.getMessage(), e);
        }
    }

    static Bom bom(Subject subject, PackageInventory inventory) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((subject.imageId() + "\n" + subject.pluginVersion())
                .getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(null); // the library sets the current time: reproducible output has none
        metadata.setComponent(image(subject, inventory));
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(plugin(subject.pluginVersion())));
        metadata.setToolChoice(tools);
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>();
        for (BaseImage base : subject.baseImages()) {
            components.add(baseImage(base));
        }
        operatingSystem(inventory).ifPresent(components::add);
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (OsPackage p : inventory.packages()) {
            if (listed.add(inventory.purl(p))) { // a package recorded twice (status and status.d) is one component
                components.add(osPackage(p, inventory, subject));
            }
        }
        bom.setComponents(components);

        Dependency image = new Dependency(subject.imageId());
        components.forEach(c -> image.addDependency(new Dependency(c.getBomRef())));
        bom.setDependencies(List.of(image));

        Composition composition = new Composition();
        composition.setAggregate(inventory.complete() ? Composition.Aggregate.INCOMPLETE : Composition.Aggregate.UNKNOWN);
        composition.setAssemblies(List.of(new BomReference(subject.imageId())));
        bom.setCompositions(List.of(composition));
        return bom;
    }

    private static Component image(Subject subject, PackageInventory inventory) {
        Component image = new Component();
        image.setType(Component.Type.CONTAINER);
        image.setBomRef(subject.imageId());
        image.setName(subject.repository());
        if (!subject.tags().isEmpty()) {
            image.setVersion(subject.tags().get(0));
        }
        var id = DIGEST.matcher(subject.imageId());
        if (id.matches()) {
            image.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, id.group(1))));
        }
        List<Property> properties = new ArrayList<>();
        properties.add(property(NS + "image-id", subject.imageId()));
        subject.tags().forEach(tag -> properties.add(property(NS + "tag", subject.repository() + ":" + tag)));
        properties.add(property(NS + "java-version", subject.javaVersion().isPresent()
                ? String.valueOf(subject.javaVersion().getAsInt()) : "none"));
        properties.add(property(NS + "maven", String.valueOf(subject.maven())));
        subject.features().forEach(f -> properties.add(property(NS + "feature", f)));
        if (inventory.complete()) {
            inventory.databases().forEach(db -> properties.add(property(PACKAGE_DATABASE, db)));
        } else {
            properties.add(property(UNLISTED, inventory.unlisted()));
        }
        image.setProperties(properties);
        return image;
    }

    private static Component plugin(String version) {
        Component plugin = new Component();
        plugin.setType(Component.Type.APPLICATION);
        plugin.setGroup("io.github.dind");
        plugin.setName("devcontainer-maven-plugin");
        plugin.setVersion(version);
        plugin.setPurl("pkg:maven/io.github.dind/devcontainer-maven-plugin@" + PackageUrl.encode(version));
        return plugin;
    }

    private static Component baseImage(BaseImage base) {
        Component image = new Component();
        image.setType(Component.Type.CONTAINER);
        image.setBomRef("base-image:" + base.reference());
        image.setName(base.reference());
        List<Property> properties = new ArrayList<>();
        properties.add(property(ROLE, "base-image"));
        var digest = base.digest() == null ? null : DIGEST.matcher(base.digest());
        if (digest != null && digest.matches()) {
            image.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, digest.group(1))));
            properties.add(property(NS + "digest", base.digest()));
        } else {
            properties.add(property(NS + "digest", "unknown (the local image has no registry digest: built or"
                    + " loaded locally, never pulled)"));
        }
        image.setProperties(properties);
        return image;
    }

    private static Optional<Component> operatingSystem(PackageInventory inventory) {
        if (inventory.os().id() == null) {
            return Optional.empty();
        }
        Component os = new Component();
        os.setType(Component.Type.OPERATING_SYSTEM);
        os.setBomRef("os:" + inventory.os().id());
        os.setName(inventory.os().id());
        inventory.os().release().ifPresent(os::setVersion);
        if (inventory.os().prettyName() != null) {
            os.setDescription(inventory.os().prettyName());
        }
        return Optional.of(os);
    }

    private static Component osPackage(OsPackage p, PackageInventory inventory, Subject subject) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        String purl = inventory.purl(p);
        component.setBomRef(purl);
        component.setName(p.name());
        component.setVersion(p.version());
        component.setPurl(purl);
        if (p.license() != null) {
            License license = new License();
            license.setName(p.license());
            LicenseChoice licenses = new LicenseChoice();
            licenses.addLicense(license);
            component.setLicenses(licenses);
        }
        List<Property> properties = new ArrayList<>();
        if (p.architecture() != null) {
            properties.add(property(NS + "arch", p.architecture()));
        }
        if (p.source() != null || p.sourceVersion() != null) {
            properties.add(property(NS + "source", Optional.ofNullable(p.source()).orElse(p.name())
                    + (p.sourceVersion() == null ? "" : " " + p.sourceVersion())));
        }
        role(p.name(), subject).ifPresent(role -> properties.add(property(ROLE, role)));
        if (!properties.isEmpty()) {
            component.setProperties(properties);
        }
        return component;
    }

    /**
     * Which package is the devcontainer's JDK or Maven, by the names the distributions give them
     * (Debian and Ubuntu {@code openjdk-21-jdk-headless}, Alpine {@code openjdk21-jdk}, Wolfi
     * {@code openjdk-21}; {@code maven} everywhere).
     */
    static Optional<String> role(String name, Subject subject) {
        if (subject.javaVersion().isPresent()) {
            int version = subject.javaVersion().getAsInt();
            if (name.startsWith("openjdk-" + version) || name.startsWith("openjdk" + version)) {
                return Optional.of("jdk");
            }
        }
        if (subject.maven() && (name.equals("maven") || name.startsWith("maven-3") || name.equals("libmaven3-core-java"))) {
            return Optional.of("maven");
        }
        return Optional.empty();
    }

    private static Property property(String name, String value) {
        return new Property(name, value);
    }
}
