package io.github.dind.devcontainer.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Writer;

/** A mustache factory whose {@code {{value}}} escapes for one output format instead of HTML. */
final class FormatMustacheFactory extends DefaultMustacheFactory {
    private final Format format;

    FormatMustacheFactory(TemplateResolver resolver, Format format) {
        super(resolver);
        this.format = format;
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(format.escape(value));
        } catch (IOException e) {
            throw new MustacheException("Failed to write a value", e);
        }
    }
}
