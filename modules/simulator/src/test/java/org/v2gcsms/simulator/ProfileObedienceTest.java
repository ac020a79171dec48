package org.v2gcsms.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.SampledValueType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;

/**
 * A V2X station follows a TxProfile of charge, central discharge setpoint and charge again: the SoC it reports
 * after 30 simulated minutes is the integral of the schedule (with the charge and discharge efficiencies)
 * over the battery capacity, and the export register and power show the discharge.
 */
class ProfileObedienceTest {
    private static final double KONA_WH = 64_000;

    @Test
    void socFollowsTheIntegralOfTheScheduleAcrossChargeDischargeAndCharge() throws Exception {
        StationSpec spec = StationSpec.fastCharger("V2X-1", OcppVersion.V21, 1);
        try (SimulatorHarness h = new SimulatorHarness(new TestCsms(), List.of(spec), StationSettings.DEFAULTS, 600,
                SimulatorHarness.noArrivals())) {
            h.startAndAwaitBoot();
            assertTrue(h.station(0).plugIn(SimulatorHarness.ev("Kona", 0.30, 60)).get(10, TimeUnit.SECONDS));
            TransactionEventRequest started = (TransactionEventRequest) h.csms.await(
                    r -> r.action().equals("TransactionEvent") && r.request().toString().contains("eventType=Started"),
                    SimulatorHarness.WAIT).request();
            Instant anchor = started.timestamp().plusSeconds(60);
            String schedule = "[{\"startPeriod\":0,\"limit\":20000},"
                    + "{\"startPeriod\":600,\"limit\":20000,\"setpoint\":-10000,\"dischargeLimit\":-30000,\"operationMode\":\"CentralSetpoint\"},"
                    + "{\"startPeriod\":1200,\"limit\":30000}]";
            String answer = h.call("V2X-1", "SetChargingProfile", "{\"evseId\":1,\"chargingProfile\":{\"id\":1,\"stackLevel\":0,"
                    + "\"chargingProfilePurpose\":\"TxProfile\",\"chargingProfileKind\":\"Absolute\",\"transactionId\":\""
                    + started.transactionInfo().transactionId() + "\",\"chargingSchedule\":[{\"id\":1,\"startSchedule\":\""
                    + anchor + "\",\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":" + schedule + "}]}}").toString();
            assertTrue(answer.contains("Accepted"), answer);

            // The profile took effect with the ChargingRateChanged event; read the SoC there and 30 minutes on.
            TransactionEventRequest applied = (TransactionEventRequest) h.csms.await(r -> r.request() instanceof TransactionEventRequest e
                    && e.triggerReason() == TriggerReasonEnumType.ChargingRateChanged, SimulatorHarness.WAIT).request();
            Instant t1 = applied.timestamp();
            h.csms.await(r -> r.request() instanceof TransactionEventRequest e
                    && e.timestamp().isAfter(anchor.plusSeconds(1800)), SimulatorHarness.WAIT);
            TransactionEventRequest last = events(h).stream().filter(e -> e.timestamp().isAfter(anchor.plusSeconds(1800)))
                    .findFirst().orElseThrow();
            Instant t2 = last.timestamp();

            double expectedWh = value(applied, MeasurandEnumType.SoC) / 100 * KONA_WH + storedWh(t1, t2, anchor);
            assertEquals(expectedWh / KONA_WH * 100, value(last, MeasurandEnumType.SoC), 0.02,
                    "SoC at " + t2 + " after the profile applied at " + t1);
            boolean discharged = events(h).stream().anyMatch(e -> value(e, MeasurandEnumType.Power_Active_Export) == 10_000);
            assertTrue(discharged, "a meter value shows the 10 kW discharge");
            assertTrue(value(last, MeasurandEnumType.Energy_Active_Export_Register) > 1_600, "export register counts the discharge");
            assertEquals(List.of(), h.simulation.log().problems());
        }
    }

    /** The schedule: full 50 kW before it starts, then 20 kW, a 10 kW discharge, and 30 kW. */
    private static double scheduledWatts(long secondsAfterStart) {
        if (secondsAfterStart < 0) {
            return 50_000;
        }
        return secondsAfterStart < 600 ? 20_000 : secondsAfterStart < 1200 ? -10_000 : 30_000;
    }

    /** Energy into the cells between {@code from} and {@code to} under the schedule, with the efficiencies. */
    private static double storedWh(Instant from, Instant to, Instant anchor) {
        double wh = 0;
        Instant t = from;
        while (t.isBefore(to)) {
            Instant next = to;
            for (long edge : new long[] {0, 600, 1200}) {
                Instant e = anchor.plusSeconds(edge);
                if (e.isAfter(t) && e.isBefore(next)) {
                    next = e;
                }
            }
            double hours = Duration.between(t, next).toNanos() / 3.6e12;
            double watts = scheduledWatts(Duration.between(anchor, t).toMillis() / 1000);
            wh += watts > 0 ? watts * hours * Battery.CHARGE_EFFICIENCY : watts * hours / Battery.DISCHARGE_EFFICIENCY;
            t = next;
        }
        return wh;
    }

    private static List<TransactionEventRequest> events(SimulatorHarness h) {
        return h.csms.received.stream().filter(r -> r.request() instanceof TransactionEventRequest)
                .map(r -> (TransactionEventRequest) r.request()).toList();
    }

    private static double value(TransactionEventRequest e, MeasurandEnumType measurand) {
        return e.meterValue().getFirst().sampledValue().stream().filter(v -> v.measurand() == measurand)
                .mapToDouble(SampledValueType::value).findFirst().orElse(Double.NaN);
    }
}
