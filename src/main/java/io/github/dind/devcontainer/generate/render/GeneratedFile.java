package io.github.dind.devcontainer.generate.render;

/** A rendered file, before the plugin's marker line is added. */
public record GeneratedFile(String fileName, Format format, String body, boolean executable) {
}
