package io.github.dind.devcontainer.generate.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A mustache factory for one output format: {@code {{value}}} escapes for the format's bare
 * context instead of HTML, {@code {{value.json}}}, {@code {{value.dockerfile}}} and
 * {@code {{value.shell}}} (chained innermost first) for the context they name, and a tag whose
 * outermost context cannot stand in this format is refused when the template is compiled.
 * {@code {{{value}}}} stays unescaped.
 */
final class FormatMustacheFactory extends DefaultMustacheFactory {
    private final Format format;

    FormatMustacheFactory(TemplateResolver resolver, Format format) {
        super(resolver);
        this.format = format;
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new DefaultMustacheVisitor(this) {
            /**
             * The literal text since the line began; null (unknown) for a section body that opens
             * mid-line until its first line break, and after a section on the line.
             */
            private StringBuilder line;

            @Override
            public void write(TemplateContext tc, String text) {
                if (tc.startOfLine()) {
                    line = new StringBuilder();
                }
                int newline = text.lastIndexOf('\n');
                if (newline >= 0) {
                    line = new StringBuilder(text.substring(newline + 1));
                } else if (line != null) {
                    line.append(text);
                }
                super.write(tc, text);
            }

            @Override
            public void iterable(TemplateContext tc, String variable, Mustache mustache) {
                line = null;
                super.iterable(tc, variable, mustache);
            }

            @Override
            public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
                line = null;
                super.notIterable(tc, variable, mustache);
            }

            @Override
            public void partial(TemplateContext tc, String variable, String indent) {
                line = null;
                super.partial(tc, variable, indent);
            }

            @Override
            public void value(TemplateContext tc, String variable, boolean encoded) {
                ValueTag tag = ValueTag.parse(variable);
                if (!encoded) {
                    if (!tag.bare()) {
                        throw new MustacheException("{{{" + variable + "}}} is never escaped: write "
                                + tag.written() + " to escape it", tc);
                    }
                    super.value(tc, variable, false);
                    return;
                }
                if (!tag.bare()) {
                    EscapeContext outer = tag.contexts().get(tag.contexts().size() - 1);
                    if (!format.accepts(outer)) {
                        throw new MustacheException(tag.written() + " writes " + outer.description()
                                + ", which cannot stand directly in this file; write " + ValueTag.parse(variable
                                        + "." + format.bareContext().tag().orElseThrow()).written()
                                + " or see the README, \"Your own templates\"", tc);
                    }
                }
                List<EscapeContext> contexts = tag.contextsIn(format);
                QuotePosition position = line == null ? QuotePosition.ELSEWHERE
                        : QuotePosition.of(line.toString(), contexts.get(contexts.size() - 1), format);
                list.add(new EscapingValueCode(tc, df, tag, format, position));
            }
        };
    }

    /** Anything mustache.java escapes outside a value tag gets the format's bare escaping. */
    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(format.escape(value));
        } catch (IOException e) {
            throw new MustacheException("Failed to write a value", e);
        }
    }
}
