package io.github.dind.devcontainer.devcontainer.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JavaScript's {@code JSON.stringify(value, null, 2)} (ECMA-262, "JSON.stringify", with the gap of
 * two spaces): an object or array over several lines, each member on its own line indented two
 * spaces deeper, {@code "name": value}; {@code {}} and {@code []} when empty; strings escaped as
 * {@code QuoteJSONString} does ({@code \" \\ \b \f \n \r \t}, other control characters and lone
 * surrogates as {@code \}{@code u00xx}, everything else as is). The devcontainer CLI writes
 * devcontainer-lock.json with it, so the plugin's file is the CLI's byte for byte.
 */
final class JsStringify {
    private JsStringify() {
    }

    /** The text of {@code node}; numbers as Jackson prints them (a lockfile has none). */
    static String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            String inner = indent + "  ";
            out.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(inner);
                quote(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), inner, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            String inner = indent + "  ";
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), inner, out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (node.isTextual()) {
            quote(node.asText(), out);
        } else {
            out.append(node.toString()); // numbers, true, false, null
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
