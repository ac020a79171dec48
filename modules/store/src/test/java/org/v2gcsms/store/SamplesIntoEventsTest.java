package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.v2gcsms.ocpp.v21.LocationEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.PhaseEnumType;
import org.v2gcsms.ocpp.v21.ReadingContextEnumType;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.transactions.MeterSample;
import org.v2gcsms.sessions.transactions.TransactionRepository;

/** A database written by the code before V12 keeps every meter sample when it is opened by today's. */
class SamplesIntoEventsTest {
    private static final Instant T0 = Events.T0;

    @DatabaseTest
    void samplesStoredOneRowEachAreReadFromTheirEventsAfterTheMigration(DatabaseConfig config) throws SQLException {
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration").target("11").load().migrate();
        MeterSample energy0 = sample(T0, MeasurandEnumType.Energy_Active_Import_Register, null, 1000, null);
        MeterSample soc0 = new MeterSample(T0, MeasurandEnumType.SoC, ReadingContextEnumType.Sample_Periodic, null,
                LocationEnumType.EV, 40, "Percent", 0, null);
        MeterSample energy1 = sample(T0.plusSeconds(60), MeasurandEnumType.Energy_Active_Import_Register, null, 2500,
                "signed \"data\"");
        MeterSample voltage1 = sample(T0.plusSeconds(60), MeasurandEnumType.Voltage, PhaseEnumType.L1_N, 229.5, null);
        MeterSample outside = sample(T0.plusSeconds(30), MeasurandEnumType.Frequency, null, 50.02, null);
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            c.setAutoCommit(true);
            event(c, "tx1", 0);
            event(c, "tx1", 1);
            event(c, "tx2", 0);
            rows(c, "tx1", 0, soc0, energy0);
            rows(c, "tx1", 1, voltage1, energy1);
            rows(c, "", -1, outside);
            rows(c, "tx9", 0, energy0); // no such event: never written so, but not to be lost either
        }

        try (Store store = Store.open(config)) {
            TransactionRepository repo = store.repositories().transactions();

            assertEquals(List.of(energy0, soc0, energy1, voltage1), repo.samples("CS1", "tx1", null));
            assertEquals(List.of(energy0, soc0), repo.events("CS1", "tx1").get(0).samples());
            assertEquals(List.of(), repo.events("CS1", "tx2").get(0).samples());
            assertEquals(List.of(outside), repo.samples("CS1", null, 1), "MeterValues rows stay where they were");
        }
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            assertEquals(List.of("", "tx9"), Sql.list(c, "SELECT transaction_id FROM meter_sample ORDER BY "
                    + "transaction_id", rs -> rs.getString("transaction_id")),
                    "the moved rows are gone; the MeterValues row and the one without an event stay");
        }
    }

    private static MeterSample sample(Instant at, MeasurandEnumType m, PhaseEnumType phase, double value,
                                      String signed) {
        return new MeterSample(at, m, ReadingContextEnumType.Sample_Periodic, phase, LocationEnumType.Outlet, value,
                m == MeasurandEnumType.Voltage ? "V" : m == MeasurandEnumType.Frequency ? "Hz" : "Wh", 0, signed);
    }

    private static void event(Connection c, String tx, int seqNo) throws SQLException {
        try (PreparedStatement ps = Sql.bind(c.prepareStatement("INSERT INTO transaction_event (station_id, "
                        + "transaction_id, seq_no, event_type, event_timestamp, trigger_reason, offline, evse_id, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"), "CS1", tx, seqNo,
                seqNo == 0 ? "STARTED" : "UPDATED", T0.plusSeconds(60L * seqNo), "MeterValuePeriodic", false, 1,
                T0)) {
            ps.executeUpdate();
        }
    }

    private static void rows(Connection c, String tx, int seqNo, MeterSample... samples) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meter_sample (station_id, transaction_id, "
                + "seq_no, evse_id, sampled_at, measurand, context, phase, location, reading, unit, multiplier, "
                + "signed_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (MeterSample s : samples) {
                Sql.bind(ps, "CS1", tx, seqNo, 1, s.timestamp(), WireEnums.wire(s.measurand()),
                        "Sample.Periodic", s.phase() == null ? "" : WireEnums.wire(s.phase()),
                        WireEnums.wire(s.location()), s.value(), s.unit(), s.multiplier(),
                        s.signedMeterData());
                ps.executeUpdate();
            }
        }
    }
}
