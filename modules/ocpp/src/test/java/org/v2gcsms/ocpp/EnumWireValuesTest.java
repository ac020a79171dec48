package org.v2gcsms.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.v2gcsms.ocpp.json.PayloadJson;

/** Every generated enum has exactly its schema's values, in order, and the payload binding writes and reads each by its wire value. */
class EnumWireValuesTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(OcppVersion.class)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyEnumConstantTravelsAsItsWireValue(OcppVersion version) throws ReflectiveOperationException {
        Map<String, List<String>> enums = new TreeMap<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(OfficialSchemas.dir()
                .resolve(version.name().toLowerCase(Locale.ROOT)))) {
            files.forEach(f -> {
                String name = f.getFileName().toString().replace(".json", "");
                JsonObject defs = OfficialSchemas.read(version, name).getAsJsonObject("definitions");
                for (var d : defs.entrySet()) {
                    if (d.getValue().getAsJsonObject().has("enum")) {
                        List<String> values = new ArrayList<>();
                        d.getValue().getAsJsonObject().getAsJsonArray("enum").forEach(v -> values.add(v.getAsString()));
                        enums.put(d.getKey(), values);
                    }
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (var e : enums.entrySet()) {
            Class<? extends Enum> type = (Class<? extends Enum>) Class.forName(
                    "org.v2gcsms.ocpp." + version.name().toLowerCase(Locale.ROOT) + "." + e.getKey());
            List<String> written = new ArrayList<>();
            for (Enum constant : type.getEnumConstants()) {
                JsonElement wire = PayloadJson.toJson(constant);
                written.add(wire.getAsString());
                assertEquals(wire.getAsString(), type.getMethod("value").invoke(constant), "value() of " + constant);
                assertEquals(constant, PayloadJson.fromJson(wire, type), e.getKey());
            }
            assertEquals(e.getValue(), written, e.getKey());
        }
        assertEquals(version == OcppVersion.V201 ? 88 : 110, enums.size(), "enum definitions");
    }
}
