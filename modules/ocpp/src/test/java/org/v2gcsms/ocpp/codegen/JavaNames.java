package org.v2gcsms.ocpp.codegen;

import javax.lang.model.SourceVersion;
import org.v2gcsms.ocpp.OcppVersion;

/** How schema names become Java names. */
final class JavaNames {
    private JavaNames() {
    }

    /** "v201" or "v21": the schema folder and the last part of the generated package. */
    static String folder(OcppVersion version) {
        return version.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String packageName(OcppVersion version) {
        return "org.v2gcsms.ocpp." + folder(version);
    }

    /** "V201Actions", "V21Actions". */
    static String catalogueName(OcppVersion version) {
        return version.name() + "Actions";
    }

    /** "OCPP 2.0.1", for documentation. */
    static String label(OcppVersion version) {
        return "OCPP " + version.subprotocol().substring("ocpp".length());
    }

    /** An enum constant for a wire value: "Energy.Active.Import.Register" becomes Energy_Active_Import_Register. */
    static String constant(String wire) {
        String name = wire.replaceAll("[^A-Za-z0-9_]", "_");
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "_" + name;
        }
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    /** "Get15118EVCertificate" becomes GET_15118_EV_CERTIFICATE. */
    static String upperSnake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (i > 0 && startsWord(camel, i)) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    private static boolean startsWord(String s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        return Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev)
                || (Character.isUpperCase(prev) && nextLower))
                || Character.isDigit(c) && Character.isLetter(prev);
    }
}
