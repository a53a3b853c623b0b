package io.github.dind.devcontainer.generate.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * An escaped value tag ({@code {{name}}}, {@code {{name.shell}}}, ...): looks the variable up and
 * writes it escaped for each of its contexts in turn, then for the file. A value that cannot be
 * written safely throws {@link UnsafeValueException} naming its source, the tag and the line.
 */
final class EscapingValueCode extends ValueCode {
    private final ValueTag tag;
    private final Format format;

    private final QuotePosition position;

    EscapingValueCode(TemplateContext tc, DefaultMustacheFactory df, ValueTag tag, Format format, QuotePosition position) {
        super(tc, df, tag.variable(), true);
        this.tag = tag;
        this.format = format;
        this.position = position;
    }

    @Override
    public Writer execute(Writer writer, List<Object> scopes) {
        Object object = get(scopes);
        if (object instanceof Function || object instanceof Callable) {
            throw new MustacheException("A lambda cannot be written as " + tag.written(), tc);
        }
        if (object != null) {
            try {
                writer.write(escape(object));
            } catch (IOException e) {
                throw new MustacheException("Failed to write " + tag.written(), e, tc);
            }
        }
        return appendText(run(writer, scopes));
    }

    private String escape(Object object) {
        String value = object instanceof TemplateValue v ? v.text() : oh.stringify(object);
        String escaped = value;
        List<EscapeContext> contexts = tag.contextsIn(format);
        try {
            if (!position.allows(value)) {
                throw new IllegalArgumentException(position == QuotePosition.COMMENT
                        ? "a line break would end the comment it stands in"
                        : "it stands outside double quotes, where only letters, digits and ._/:@+=,~%- are safe;"
                                + " write \"" + tag.written() + "\"");
            }
            for (EscapeContext context : contexts) {
                escaped = context.escape(escaped);
            }
            return format.finish(value, escaped);
        } catch (IllegalArgumentException e) {
            String source = object instanceof TemplateValue v ? v.source() : "The value of {{" + tag.variable() + "}}";
            throw new UnsafeValueException(source + " cannot be written as " + tag.written() + " (line " + tc.line()
                    + ", " + contexts.get(contexts.size() - 1).description() + "): " + e.getMessage() + "."
                    + (tag.bare() && format == Format.DOCKERFILE
                            ? " Write {{" + tag.variable() + ".shell}} in a RUN line and {{" + tag.variable()
                                    + ".dockerfile}} in a LABEL or ENV value."
                            : ""), e);
        }
    }
}
