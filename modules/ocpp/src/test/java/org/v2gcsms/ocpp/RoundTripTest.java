package org.v2gcsms.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request and response type of both versions, once with every field and once with only the required ones:
 * encode, check the JSON with an independent validator against the official schema and with ours, parse the text
 * back, decode, and get the same record.
 */
class RoundTripTest {

    static Stream<Payload> payloads() {
        return Payload.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void fullSampleRoundTrips(Payload payload) throws OcppError {
        Object sample = Samples.build(payload, Samples.Fill.FULL);
        JsonObject json = roundTrip(payload, sample);
        assertEquals(payload.officialSchema().getAsJsonObject("properties").keySet(), json.keySet(),
                payload + ": every field written");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void requiredOnlySampleRoundTripsWithOptionalFieldsLeftOut(Payload payload) throws OcppError {
        Object sample = Samples.build(payload, Samples.Fill.MINIMAL);
        JsonObject json = roundTrip(payload, sample);
        Set<String> required = new HashSet<>();
        JsonObject schema = payload.officialSchema();
        if (schema.has("required")) {
            schema.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
        }
        assertEquals(required, json.keySet(), payload + ": only required fields written, no nulls");
    }

    private static JsonObject roundTrip(Payload payload, Object sample) throws OcppError {
        JsonObject json = payload.messages().encode(sample);
        String text = json.toString();
        assertEquals(List.of(), OfficialSchemas.errors(payload.version(), payload.name(), text),
                payload + ": the official schema accepts " + text);
        JsonObject parsed = JsonParser.parseString(text).getAsJsonObject();
        payload.validate(parsed);
        assertEquals(sample, payload.messages().decode(parsed, payload.type()), payload + " decodes to the original");
        return json;
    }
}
