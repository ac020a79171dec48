package org.v2gcsms.simulator;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.v2gcsms.ocpp.v21.IdTokenType;

/**
 * The RFID cards simulated drivers tap: a fixed pool, so a CSMS can be given them in advance
 * ({@code ./csms demo} registers them; for another CSMS, provision {@link #all()}).
 */
public final class DriverTokens {
    public static final int POOL = 100;
    public static final String TYPE = "ISO14443";

    private DriverTokens() {
    }

    /** The n-th card's id: eight hex digits, {@code 5A1D0000} to {@code 5A1D0063}. */
    public static String id(int n) {
        return String.format("5A1D%04X", n % POOL);
    }

    public static List<String> all() {
        return IntStream.range(0, POOL).mapToObj(DriverTokens::id).toList();
    }

    static IdTokenType pick(Random random) {
        return new IdTokenType(null, id(random.nextInt(POOL)), TYPE, null);
    }
}
