package org.v2gcsms.ocpp.codegen;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The schema files of one OCPP version, read for code generation: each payload (named as its file) and the
 * definitions of all files merged by name. The OCA files repeat a definition in every message that uses it; the
 * copies differ only in their description, which {@link #definitions()} takes from the first file (by name).
 */
record SchemaSet(Map<String, JsonObject> payloads, Map<String, JsonObject> definitions) {

    static SchemaSet read(Path dir) {
        Map<String, JsonObject> payloads = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                payloads.put(name, JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                        .getAsJsonObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, JsonObject> definitions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonObject> p : payloads.entrySet()) {
            for (var d : p.getValue().getAsJsonObject("definitions").entrySet()) {
                JsonObject def = d.getValue().getAsJsonObject();
                JsonObject known = definitions.putIfAbsent(d.getKey(), def);
                if (known != null && !withoutDescription(known).equals(withoutDescription(def))) {
                    throw new IllegalStateException("Definition " + d.getKey() + " differs in " + p.getKey());
                }
            }
        }
        return new SchemaSet(payloads, definitions);
    }

    /** Action names, sorted: a file FooRequest.json with a FooResponse.json is action Foo; a lone file is a SEND. */
    List<String> actionNames() {
        List<String> names = new ArrayList<>();
        for (String file : payloads.keySet()) {
            if (file.endsWith("Request")) {
                String action = file.substring(0, file.length() - "Request".length());
                if (!payloads.containsKey(action + "Response")) {
                    throw new IllegalStateException(file + " has no response schema");
                }
                names.add(action);
            } else if (!file.endsWith("Response")) {
                names.add(file);
            }
        }
        names.sort(null);
        return names;
    }

    boolean isSendOnly(String action) {
        return payloads.containsKey(action);
    }

    private static JsonObject withoutDescription(JsonObject def) {
        JsonObject copy = def.deepCopy();
        copy.remove("description");
        return copy;
    }
}
