package org.v2gcsms.ocpp.codegen;

import java.util.List;
import org.v2gcsms.ocpp.OcppVersion;

/** Writes the per-version action catalogue: one typed {@code Action} constant per action, and the list of all. */
final class CatalogueSource {
    private CatalogueSource() {
    }

    static String write(String header, OcppVersion version, SchemaSet schemas) {
        String name = JavaNames.catalogueName(version);
        List<String> actions = schemas.actionNames();
        StringBuilder s = new StringBuilder(header);
        s.append("package ").append(JavaNames.packageName(version)).append(";\n\n");
        s.append("import java.util.List;\nimport org.v2gcsms.ocpp.Action;\nimport org.v2gcsms.ocpp.Direction;\n")
                .append("import org.v2gcsms.ocpp.OcppVersion;\n\n");
        s.append("/**\n * Every ").append(JavaNames.label(version)).append(" action (").append(actions.size())
                .append("), with who initiates it and its payload types.\n")
                .append(" * Directions come from the team's protocol digest, section 4.\n */\n");
        s.append("public final class ").append(name).append(" {\n");
        for (String action : actions) {
            boolean send = schemas.isSendOnly(action);
            String request = send ? action : action + "Request";
            String response = send ? "Void" : action + "Response";
            s.append("    public static final Action<").append(request).append(", ").append(response).append("> ")
                    .append(JavaNames.upperSnake(action)).append(" =\n            new Action<>(OcppVersion.")
                    .append(version.name()).append(", \"").append(action).append("\", Direction.")
                    .append(ActionDirections.of(action).name()).append(", ").append(request).append(".class, ")
                    .append(send ? "null" : response + ".class").append(");\n");
        }
        s.append("\n    /** All actions above, sorted by name. */\n    public static final List<Action<?, ?>> ALL = List.of(");
        for (int i = 0; i < actions.size(); i++) {
            s.append(i == 0 ? "\n            " : ",\n            ").append(JavaNames.upperSnake(actions.get(i)));
        }
        s.append(");\n\n    private ").append(name).append("() {\n    }\n}\n");
        return s.toString();
    }
}
