package org.v2gcsms.ocpp.schema;

/** A property name from the wire, shown in an error only when it is short and plain: descriptions never echo input. */
final class PrintableName {
    private static final int MAX = 32;

    private PrintableName() {
    }

    static String of(String name) {
        if (name.isEmpty() || name.length() > MAX) {
            return "(unprintable name)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return "(unprintable name)";
            }
        }
        return name;
    }
}
