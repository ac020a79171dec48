package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void matchesOnlyTheRightPasswordAndIsSalted() {
        PasswordHash one = PasswordHash.of("0123456789abcdef");
        PasswordHash two = PasswordHash.of("0123456789abcdef");
        assertTrue(one.matches("0123456789abcdef"));
        assertFalse(one.matches("0123456789abcdeF"));
        assertFalse(one.matches(""));
        assertNotEquals(one, two, "same password, different salt");
        assertFalse(one.encoded().contains("0123456789abcdef"));
    }

    @Test
    void encodedFormRoundTrips() {
        PasswordHash hash = PasswordHash.of("a-station-password");
        PasswordHash parsed = PasswordHash.parse(hash.encoded());
        assertEquals(hash, parsed);
        assertTrue(parsed.matches("a-station-password"));
        assertEquals(PasswordHash.DEFAULT_ITERATIONS, parsed.iterations());
    }
}
