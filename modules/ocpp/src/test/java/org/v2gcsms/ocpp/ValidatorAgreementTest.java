package org.v2gcsms.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our compiled validator against networknt's json-schema-validator on the official files: for every payload type,
 * a corpus of one-change mutations of a full valid sample. Both must agree on valid or not, and ours must give the
 * OCPP-J code the mutation calls for, name the path, and never echo the bad value.
 */
class ValidatorAgreementTest {

    static Stream<Payload> payloads() {
        return Payload.all();
    }

    private static List<Mutations.Mutation> corpus(Payload payload) {
        JsonObject valid = payload.messages().encode(Samples.build(payload, Samples.Fill.FULL));
        return Mutations.of(valid, payload.officialSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void agreesWithNetworkntAndGivesTheRightCode(Payload payload) {
        List<String> failures = new ArrayList<>();
        for (Mutations.Mutation m : corpus(payload)) {
            boolean theyAccept = OfficialSchemas.errors(payload.version(), payload.name(), m.payload().toString())
                    .isEmpty();
            OcppError ours = null;
            try {
                payload.validate(m.payload());
            } catch (OcppError e) {
                ours = e;
            }
            if (theyAccept != (ours == null)) {
                failures.add(m + ": networknt " + (theyAccept ? "accepts" : "rejects") + ", we " + ours);
            } else if (ours == null ? m.expected() != null : ours.code() != m.expected()) {
                failures.add(m + ": expected " + m.expected() + ", got " + ours);
            } else if (ours != null && !ours.description().startsWith(m.path() + ": ")) {
                failures.add(m + ": description does not start with the path: " + ours.description());
            } else if (ours != null && m.secret() != null && ours.description().contains(m.secret())) {
                failures.add(m + ": description echoes the input: " + ours.description());
            }
        }
        assertEquals(List.of(), failures.size() > 20 ? failures.subList(0, 20) : failures, payload.toString());
    }

    @Test
    void theCorpusCoversEveryKindOfMutationOften() {
        Map<String, Integer> kinds = new TreeMap<>();
        payloads().flatMap(p -> corpus(p).stream()).forEach(m -> kinds.merge(m.kind(), 1, Integer::sum));
        for (String kind : List.of("drop required", "wrong type", "null value", "too long", "bad enum value",
                "bad date-time", "date-time without seconds", "date-time with an offset", "below minimum",
                "above maximum", "fraction for integer", "integral float for integer", "too few items",
                "too many items", "extra property", "extra property in customData")) {
            assertTrue(kinds.getOrDefault(kind, 0) >= 20, kind + " appears " + kinds.get(kind) + " times: " + kinds);
        }
    }
}
