package io.github.dind.devcontainer.generate.request;

import java.util.regex.Pattern;

/** The package managers of the supported distributions, with the grammar of a package argument. */
public enum PackageManager {
    /**
     * Alpine and Wolfi. A name such as {@code libstdc++} or {@code py3-pip}, optionally pinned with
     * {@code =}, {@code ~} or {@code >}/{@code <} and a version.
     */
    APK(Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*(?:(?:=|~|>=?|<=?)[A-Za-z0-9._+~-]+)?"),
            "a name of letters, digits and . _ + - (starting with a letter or digit), optionally"
                    + " followed by =, ~, >, >=, <, <= and a version"),
    /**
     * Debian and Ubuntu. Debian Policy 5.6.1: at least two characters, lower case letters, digits,
     * {@code + - .}, starting with a letter or digit; optionally {@code =version}.
     */
    APT(Pattern.compile("[a-z0-9][a-z0-9+.-]+(?:=[A-Za-z0-9.+~:-]+)?"),
            "a Debian package name (lower case letters, digits and + - ., at least two characters,"
                    + " starting with a letter or digit), optionally followed by =version");

    private final Pattern packageGrammar;
    private final String packageRule;

    PackageManager(Pattern packageGrammar, String packageRule) {
        this.packageGrammar = packageGrammar;
        this.packageRule = packageRule;
    }

    public boolean isValidPackage(String argument) {
        return argument != null && packageGrammar.matcher(argument).matches();
    }

    /** The rule a package argument must follow, in words, for error messages. */
    public String packageRule() {
        return packageRule;
    }
}
