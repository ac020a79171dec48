package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.simulator.Arrival;
import org.v2gcsms.simulator.DriverTokens;
import org.v2gcsms.simulator.EvModel;
import org.v2gcsms.simulator.FleetMix;
import org.v2gcsms.simulator.SimClock;
import org.v2gcsms.simulator.SimScheduler;
import org.v2gcsms.simulator.SimulatedStation;
import org.v2gcsms.simulator.SimulationLog;
import org.v2gcsms.simulator.StationSettings;
import org.v2gcsms.simulator.StationSpec;

/**
 * The composed CSMS end to end, over real WebSockets on a simulated clock it shares with the stations: EVs
 * arrive at an OCPP 2.1 V2X station and an OCPP 2.0.1 station of one site, the planner plans them, the
 * dispatcher's TxProfiles (through the grid-safety guard) reach the stations, the stations run at or below what
 * they were sent, and each EV leaves with at least its (feasible) target SoC. The 2.0.1 station is never asked
 * to discharge.
 */
class PlannedChargingEndToEndTest {
    private static final EvModel EV = new EvModel("V2G", 1, 64, 5.6, 50, 50);

    @Test
    void arrivalsArePlannedDispatchedObeyedAndLeaveAtTheirTarget(@TempDir Path dir) throws Exception {
        Path config = SiteConfigDir.create(dir.resolve("config"));
        SiteConfigDir.site(config, "E", "stations=E2E-*\nimport-limit-kw=300\nexport-limit-kw=100\n"
                + "grid-code=korea-kepco\nobjective=peak");
        SiteConfigDir.gridSafety(config, "E", "override.export-limit-kw = 100");
        SimClock clock = SimClock.startingNow(60);
        Map<String, List<String>> profiles = new ConcurrentHashMap<>();
        SimulationLog log = new SimulationLog();
        log.traffic((id, sent, text) -> {
            if (!sent && text.contains("\"SetChargingProfile\"")) {
                profiles.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(text);
            }
        });
        try (SimScheduler scheduler = new SimScheduler(clock, 2);
             Csms csms = Csms.start(CsmsSettings.local(0, dir.resolve("data")).withConfigDir(config), clock,
                     Duration.ofMillis(100))) {
            for (String id : DriverTokens.all()) {
                csms.domain().repositories().tokens().save(new TokenRecord(id, DriverTokens.TYPE,
                        AuthorizationStatusEnumType.Accepted, null, null));
            }
            SimulatedStation v21 = station(csms, scheduler, log, "E2E-21", OcppVersion.V21);
            SimulatedStation v201 = station(csms, scheduler, log, "E2E-201", OcppVersion.V201);
            // 30 simulated minutes for 30 % of 64 kWh (19.2 kWh at 50 kW: feasible).
            Arrival arrival = new Arrival(Duration.ZERO, EV, 0.30, Duration.ofMinutes(30), 0.60);
            assertTrue(v21.plugIn(arrival).get(10, TimeUnit.SECONDS));
            assertTrue(v201.plugIn(arrival).get(10, TimeUnit.SECONDS));

            List<String> disobeyed = new ArrayList<>();
            double[] lastSoc = {Double.NaN, Double.NaN};
            boolean[] planned = {false};
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                SimulatedStation.EvseView a = v21.view(1).get(10, TimeUnit.SECONDS);
                SimulatedStation.EvseView b = v201.view(1).get(10, TimeUnit.SECONDS);
                if (a.transactionId() == null && b.transactionId() == null && !Double.isNaN(lastSoc[0])) {
                    break; // both EVs left
                }
                int i = 0;
                for (var pair : List.of(Map.entry(v21, a), Map.entry(v201, b))) {
                    SimulatedStation.EvseView view = pair.getValue();
                    if (view.transactionId() != null) {
                        lastSoc[i] = view.soc();
                        Optional<Double> sent = csms.controlLoop().setpoints(pair.getKey().id(), 1)
                                .map(s -> s.at(clock.instant()));
                        if (sent.isPresent()) {
                            planned[0] = true;
                            // Obeyed: never more than sent (the setpoint in force, kW), never discharging when 0 or more.
                            if (view.powerW() / 1000 > Math.max(sent.get(), 0) + 1 && sent.get() > 0) {
                                disobeyed.add(pair.getKey().id() + " at " + view.powerW() + " W, sent " + sent.get());
                            }
                        }
                    }
                    if (pair.getKey() == v201) {
                        assertFalse(view.powerW() < 0, "the 2.0.1 station discharged: " + view);
                    }
                    i++;
                }
                assertTrue(System.nanoTime() < deadline, "EVs still plugged in after 90 s");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            assertTrue(planned[0], "the control loop sent setpoints");
            assertTrue(csms.controlLoop().currentPlan("E").isPresent());
            assertEquals(List.of(), disobeyed);
            assertTrue(lastSoc[0] >= 0.60 - 0.005, "V2X EV left at " + lastSoc[0]);
            assertTrue(lastSoc[1] >= 0.60 - 0.005, "2.0.1 EV left at " + lastSoc[1]);

            List<String> toV21 = profiles.getOrDefault("E2E-21", List.of());
            assertTrue(toV21.stream().anyMatch(f -> f.contains("\"TxProfile\"") && f.contains("CentralSetpoint")),
                    "CentralSetpoint TxProfiles to the V2X station: " + toV21);
            List<String> toV201 = profiles.getOrDefault("E2E-201", List.of());
            assertFalse(toV201.isEmpty(), "profiles to the 2.0.1 station");
            for (String frame : toV201) {
                assertFalse(frame.contains("dischargeLimit") || frame.contains("setpoint"), frame);
                for (double limit : limits(frame)) {
                    assertTrue(limit >= 0, "negative limit to a 2.0.1 station: " + frame);
                }
            }
            assertEquals(List.of(), log.problems());
        }
    }

    private static SimulatedStation station(Csms csms, SimScheduler scheduler, SimulationLog log, String id,
                                            OcppVersion version) throws Exception {
        SimulatedStation s = new SimulatedStation(StationSpec.fastCharger(id, version, 1),
                StationSettings.DEFAULTS.withMeterInterval(Duration.ofSeconds(30)), csms.ocppUrl(), null, scheduler,
                log, FleetMix.s1Korea());
        s.start().get(30, TimeUnit.SECONDS);
        return s;
    }

    /** Every period's {@code limit} in a SetChargingProfile frame. */
    private static List<Double> limits(String frame) {
        List<Double> out = new ArrayList<>();
        JsonArray f = JsonParser.parseString(frame).getAsJsonArray();
        for (JsonElement schedule : f.get(3).getAsJsonObject().getAsJsonObject("chargingProfile")
                .getAsJsonArray("chargingSchedule")) {
            for (JsonElement p : schedule.getAsJsonObject().getAsJsonArray("chargingSchedulePeriod")) {
                out.add(p.getAsJsonObject().get("limit").getAsDouble());
            }
        }
        return out;
    }
}
