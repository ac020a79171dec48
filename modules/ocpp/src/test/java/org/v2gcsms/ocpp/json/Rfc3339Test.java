package org.v2gcsms.ocpp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-05-06T07:08:09Z, 2024-05-06T07:08:09Z",
            "2024-05-06t07:08:09z, 2024-05-06T07:08:09Z",
            "2024-05-06T07:08:09.5Z, 2024-05-06T07:08:09.500Z",
            "2024-05-06T07:08:09.123456789123Z, 2024-05-06T07:08:09.123456789Z",
            "2024-05-06T09:08:09+02:00, 2024-05-06T07:08:09Z",
            "2024-05-06T01:38:09.25-05:30, 2024-05-06T07:08:09.250Z",
            "2024-02-29T23:59:60Z, 2024-03-01T00:00:00Z",
            "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z"})
    void readsAnyRfc3339DateTimeAndWritesUtc(String text, String utc) {
        Instant instant = Rfc3339.parseOrNull(text);
        assertEquals(Instant.parse(utc), instant);
        assertEquals(utc, Rfc3339.format(instant));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "2024-05-06", "2024-05-06T07:08Z", "2024-05-06T07:08:09", "2024-05-06 07:08:09Z",
            "2024-13-06T07:08:09Z", "2023-02-29T07:08:09Z", "2024-05-06T24:00:00Z", "2024-05-06T07:60:00Z",
            "2024-05-06T07:08:09+02", "2024-05-06T07:08:09+0200", "2024-05-06T07:08:09.Z", "2024-05-06T07:08:09ZZ",
            "+2024-05-06T07:08:09Z", "2024-05-06T07:08:09+24:00", "２０２４-05-06T07:08:09Z"})
    void refusesWhatRfc3339Forbids(String text) {
        assertNull(Rfc3339.parseOrNull(text));
    }
}
