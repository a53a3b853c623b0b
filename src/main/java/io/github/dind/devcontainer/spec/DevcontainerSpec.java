package io.github.dind.devcontainer.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the user asked for, validated once. Every value in here is safe to hand to the renderer:
 * values with a grammar (image, packages, user) match it, free text (name, labels) holds no control
 * characters and is escaped per output format when rendered.
 */
public record DevcontainerSpec(
        String name,
        Distro distro,
        ImageReference baseImage,
        List<String> packages,
        String remoteUser,
        boolean dockerVolume,
        int dockerdTimeoutSeconds,
        Map<String, String> labels) {

    public static final String ROOT = "root";
    public static final int DEFAULT_DOCKERD_TIMEOUT_SECONDS = 30;
    static final int MAX_DOCKERD_TIMEOUT_SECONDS = 600;
    static final int MAX_NAME_LENGTH = 100;

    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final String USER_RULE = "a Linux user name: a lower-case letter or _, then up to 31"
            + " lower-case letters, digits, _ or -";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public DevcontainerSpec {
        packages = List.copyOf(packages);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public boolean nonRootUser() {
        return !ROOT.equals(remoteUser);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the raw parameters and checks them all at once, so one run reports every problem. */
    public static final class Builder {
        private String name;
        private String distro = Distro.WOLFI.id();
        private String baseImage;
        private List<String> extraPackages = List.of();
        private String remoteUser = ROOT;
        private boolean dockerVolume = true;
        private int dockerdTimeoutSeconds = DEFAULT_DOCKERD_TIMEOUT_SECONDS;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder distro(String distro) {
            this.distro = distro;
            return this;
        }

        /** An image to build from instead of the distribution's default; null or blank keeps the default. */
        public Builder baseImage(String baseImage) {
            this.baseImage = baseImage;
            return this;
        }

        public Builder packages(List<String> extraPackages) {
            this.extraPackages = extraPackages == null ? List.of() : extraPackages;
            return this;
        }

        public Builder remoteUser(String remoteUser) {
            this.remoteUser = remoteUser;
            return this;
        }

        public Builder dockerVolume(boolean dockerVolume) {
            this.dockerVolume = dockerVolume;
            return this;
        }

        public Builder dockerdTimeoutSeconds(int seconds) {
            this.dockerdTimeoutSeconds = seconds;
            return this;
        }

        /**
         * An image label taken from the project (OCI annotations). Whitespace runs, newlines
         * included, become one space: a POM description spans lines, a label does not.
         * Null or blank values are left out.
         */
        public Builder label(String key, String value) {
            if (value != null && !value.isBlank()) {
                labels.put(key, WHITESPACE.matcher(value.strip()).replaceAll(" "));
            }
            return this;
        }

        public DevcontainerSpec build() throws InvalidSpecException {
            List<InvalidSpecException.Violation> problems = new ArrayList<>();

            Distro chosen = null;
            try {
                chosen = Distro.fromId(distro);
            } catch (IllegalArgumentException e) {
                problems.add(violation("distro", distro, e.getMessage()));
            }

            checkText("name", name, MAX_NAME_LENGTH, problems);
            if (name != null && name.contains("${")) {
                problems.add(violation("name", name, "free of \"${\": devcontainer clients would substitute it"
                        + " as a variable"));
            }

            ImageReference image = null;
            String imageText = baseImage == null || baseImage.isBlank() ? null : baseImage.strip();
            if (imageText == null && chosen != null) {
                imageText = chosen.defaultBaseImage();
            }
            if (imageText != null) {
                if (ImageReference.isValid(imageText)) {
                    image = ImageReference.parse(imageText);
                } else {
                    problems.add(violation("baseImage", imageText, ImageReference.RULE));
                }
            }

            if (remoteUser == null || !USER.matcher(remoteUser).matches()) {
                problems.add(violation("remoteUser", remoteUser, USER_RULE));
            }

            List<String> allPackages = new ArrayList<>();
            if (chosen != null) {
                allPackages.addAll(chosen.packages());
                if (!ROOT.equals(remoteUser)) {
                    allPackages.addAll(Distro.NON_ROOT_PACKAGES);
                }
                for (String extra : extraPackages) {
                    if (chosen.packageManager().isValidPackage(extra)) {
                        allPackages.add(extra);
                    } else {
                        problems.add(violation("packages", extra, chosen.packageManager().packageRule()));
                    }
                }
            }

            if (dockerdTimeoutSeconds < 1 || dockerdTimeoutSeconds > MAX_DOCKERD_TIMEOUT_SECONDS) {
                problems.add(violation("dockerdTimeout", Integer.toString(dockerdTimeoutSeconds),
                        "between 1 and " + MAX_DOCKERD_TIMEOUT_SECONDS + " seconds"));
            }

            labels.forEach((key, value) -> checkText("label " + key, value, 1000, problems));

            if (!problems.isEmpty()) {
                throw new InvalidSpecException(problems);
            }
            return new DevcontainerSpec(name, chosen, image, new ArrayList<>(new LinkedHashSet<>(allPackages)),
                    remoteUser, dockerVolume, dockerdTimeoutSeconds, labels);
        }

        private static void checkText(String parameter, String value, int maxLength,
                List<InvalidSpecException.Violation> problems) {
            if (value == null || value.isBlank()) {
                problems.add(violation(parameter, value, "a non-empty text"));
                return;
            }
            if (value.codePointCount(0, value.length()) > maxLength) {
                problems.add(violation(parameter, value, "at most " + maxLength + " characters long"));
            }
            if (value.codePoints().anyMatch(Builder::isControl)) {
                problems.add(violation(parameter, value, "free of control and formatting characters"
                        + " (newlines, tabs, escape sequences, bidirectional overrides)"));
            }
        }

        private static boolean isControl(int codePoint) {
            return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                    || codePoint == 0x2028 || codePoint == 0x2029;
        }

        private static InvalidSpecException.Violation violation(String parameter, String value, String rule) {
            return new InvalidSpecException.Violation(parameter, Objects.toString(value, null), rule);
        }
    }
}
