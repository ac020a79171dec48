package org.v2gcsms.ocpp.codegen;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Writes one schema object as a Java record: required components checked, lists copied, nulls for absent fields. */
final class RecordSource {
    private RecordSource() {
    }

    static String write(String header, String packageName, String name, String doc, List<Component> components) {
        TreeSet<String> imports = new TreeSet<>();
        for (Component c : components) {
            if (c.type().contains("Instant")) {
                imports.add("java.time.Instant");
            }
            if (c.type().equals("JsonElement")) {
                imports.add("com.google.gson.JsonElement");
            }
            if (c.list()) {
                imports.add("java.util.List");
            }
            if (c.required()) {
                imports.add("java.util.Objects");
            }
            if (c.type().equals(Component.CUSTOM_DATA)) {
                imports.add("org.v2gcsms.ocpp.CustomDataType");
            }
        }
        StringBuilder s = new StringBuilder(header);
        s.append("package ").append(packageName).append(";\n\n");
        for (String i : imports) {
            s.append("import ").append(i).append(";\n");
        }
        if (!imports.isEmpty()) {
            s.append('\n');
        }
        s.append("/**\n * ").append(doc).append('\n');
        boolean first = true;
        for (Component c : components) {
            if (!c.description().isEmpty()) {
                s.append(first ? " *\n" : "").append(" * @param ").append(c.name()).append(' ')
                        .append(c.description()).append('\n');
                first = false;
            }
        }
        s.append(" */\npublic record ").append(name).append('(');
        s.append(components.stream().map(c -> "\n        " + c.type() + " " + c.name())
                .collect(Collectors.joining(",")));
        s.append(") {\n");
        appendCompactConstructor(s, name, components);
        appendRequiredOnlyConstructor(s, name, components);
        s.append("}\n");
        return s.toString();
    }

    private static void appendCompactConstructor(StringBuilder s, String name, List<Component> components) {
        StringBuilder body = new StringBuilder();
        for (Component c : components) {
            String n = c.name();
            if (c.list() && c.required()) {
                body.append("        ").append(n).append(" = List.copyOf(Objects.requireNonNull(").append(n)
                        .append(", \"").append(n).append("\"));\n");
            } else if (c.list()) {
                body.append("        ").append(n).append(" = ").append(n).append(" == null ? null : List.copyOf(")
                        .append(n).append(");\n");
            } else if (c.required()) {
                body.append("        Objects.requireNonNull(").append(n).append(", \"").append(n).append("\");\n");
            }
        }
        if (!body.isEmpty()) {
            s.append("\n    public ").append(name).append(" {\n").append(body).append("    }\n");
        }
    }

    private static void appendRequiredOnlyConstructor(StringBuilder s, String name, List<Component> components) {
        List<Component> required = components.stream().filter(Component::required).toList();
        if (required.size() == components.size()) {
            return;
        }
        s.append("\n    /** With the required fields only; every optional field absent. */\n");
        s.append("    public ").append(name).append('(')
                .append(required.stream().map(c -> c.type() + " " + c.name()).collect(Collectors.joining(", ")))
                .append(") {\n        this(")
                .append(components.stream().map(c -> c.required() ? c.name() : "null")
                        .collect(Collectors.joining(", ")))
                .append(");\n    }\n");
    }
}
