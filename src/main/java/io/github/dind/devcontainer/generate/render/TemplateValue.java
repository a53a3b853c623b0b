package io.github.dind.devcontainer.generate.render;

/**
 * A text value in the template model together with where it came from, so a value that cannot be
 * written safely is reported against the setting that supplied it.
 *
 * @param text the value itself
 * @param source how a message names its origin, e.g. {@code DevcontainerException.setting("name")}
 */
record TemplateValue(String text, String source) {
    /** mustache.java writes {@code {{.}}} and sections through {@code toString()}. */
    @Override
    public String toString() {
        return text;
    }
}
