package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.sessions.transactions.MeterSample;

class StoredSamplesTest {

    @Test
    void everyFieldComesBackAsItWasStored() {
        Instant at = Instant.parse("2026-11-20T10:00:00.123456789Z");
        List<MeterSample> samples = List.of(
                new MeterSample(at, MeasurandEnumType.Energy_Active_Import_Register,
                        ReadingContextEnumType.Transaction_Begin, null, LocationEnumType.Outlet, 12345.678, "Wh", 0,
                        null),
                new MeterSample(at, MeasurandEnumType.Voltage, ReadingContextEnumType.Sample_Periodic,
                        PhaseEnumType.L1_N, LocationEnumType.Inlet, 230.1, "V", -1, null),
                new MeterSample(at.plusSeconds(1), MeasurandEnumType.Power_Active_Export,
                        ReadingContextEnumType.Sample_Clock, PhaseEnumType.L2, LocationEnumType.EV, 7.4E3, "kW", 3,
                        "{\"signed\":\"AB\\u0001\n\u2028é\"}"),
                new MeterSample(at, MeasurandEnumType.SoC, ReadingContextEnumType.Other, null, LocationEnumType.EV,
                        0.0, "Percent", 0, ""));

        String text = StoredSamples.encode(samples);

        assertEquals(samples, StoredSamples.decode(text));
        assertEquals("[[\"2026-11-20T10:00:00.123456789Z\",\"Energy.Active.Import.Register\",\"Transaction.Begin\","
                + "null,\"Outlet\",12345.678,\"Wh\",0]", text.substring(0, text.indexOf(']') + 1),
                "the column is plain JSON with OCPP's wire names");
    }

    @Test
    void anEventWithoutSamplesStoresNull() {
        assertNull(StoredSamples.encode(List.of()));
        assertEquals(List.of(), StoredSamples.decode(null));
    }

    @Test
    void anUnreadableColumnIsAStoreErrorNamingTheProblem() {
        StoreException e = assertThrows(StoreException.class,
                () -> StoredSamples.decode("[[\"2026-11-20T10:00:00Z\",\"Energy.Bogus\"]]"));
        assertEquals(true, e.getMessage().contains("Energy.Bogus"), e.getMessage());
    }
}
