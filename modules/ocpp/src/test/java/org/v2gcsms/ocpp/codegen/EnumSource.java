package org.v2gcsms.ocpp.codegen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes one schema string enum as a Java enum whose constants carry their wire value. */
final class EnumSource {
    private EnumSource() {
    }

    static String write(String header, String packageName, String name, String doc, List<String> values) {
        StringBuilder s = new StringBuilder(header);
        s.append("package ").append(packageName).append(";\n\n");
        s.append("import com.google.gson.annotations.SerializedName;\n\n");
        s.append("/**\n * ").append(doc).append("\n */\npublic enum ").append(name).append(" {\n");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String wire = values.get(i);
            String constant = JavaNames.constant(wire);
            if (!seen.add(constant)) {
                throw new IllegalStateException(name + ": two values map to the constant " + constant);
            }
            s.append("    @SerializedName(\"").append(wire).append("\")\n    ").append(constant)
                    .append("(\"").append(wire).append("\")").append(i + 1 < values.size() ? ",\n" : ";\n");
        }
        s.append("""

                    private final String value;

                    %s(String value) {
                        this.value = value;
                    }

                    /** The value as written on the wire. */
                    public String value() {
                        return value;
                    }
                }
                """.formatted(name));
        return s.toString();
    }
}
