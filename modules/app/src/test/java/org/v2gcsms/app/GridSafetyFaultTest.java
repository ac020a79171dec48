package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.control.site.Tariff;
import org.v2gcsms.store.ManualClock;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.GridSafetyEvent;
import org.v2gcsms.gridsafety.guard.EvseLimits;
import org.v2gcsms.gridsafety.guard.Requester;
import org.v2gcsms.gridsafety.guard.SetpointRequest;
import org.v2gcsms.gridsafety.lom.LomState;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.ocpp.v21.TriggerMessageRequest;
import org.v2gcsms.ocpp.v21.MessageTriggerEnumType;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.simulator.Arrival;
import org.v2gcsms.simulator.DriverTokens;
import org.v2gcsms.simulator.EvModel;
import org.v2gcsms.simulator.FleetMix;
import org.v2gcsms.simulator.GridReading;
import org.v2gcsms.simulator.SimClock;
import org.v2gcsms.simulator.SimScheduler;
import org.v2gcsms.simulator.SimulatedStation;
import org.v2gcsms.simulator.SimulationLog;
import org.v2gcsms.simulator.StationSettings;
import org.v2gcsms.simulator.StationSpec;

/**
 * Fault injection over real WebSockets: simulated OCPP 2.1 V2X stations discharge at a site under IEEE 1547
 * Cat II (120 V, 60 Hz) while their grid fails in different ways. Grid safety runs on a clock the test moves
 * by hand, so enter-service delays and ramps are exact; the stations run on simulated time.
 */
class GridSafetyFaultTest {
    private static final Path PRESETS = Path.of("../../config/gridcodes");
    private static final EvModel EV = new EvModel("V2G", 1, 64, 5.6, 50, 50);

    /** One CSMS with grid safety, a site "A" of stations LOM-*, and simulated stations on its own clock. */
    final class Rig implements AutoCloseable {
        final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
        final SimClock simClock = SimClock.startingNow(10);
        final SimScheduler scheduler = new SimScheduler(simClock, 2);
        final SimulationLog log = new SimulationLog();
        final List<String> frames = new CopyOnWriteArrayList<>();
        {
            log.traffic((id, sent, text) -> frames.add((sent ? id + " > " : id + " < ") + text));
        }
        final List<DomainEvent> events = new CopyOnWriteArrayList<>();
        final Path dataDir;
        final Path configDir;
        /** One port for the rig's life, so stations find a restarted CSMS where they left it. */
        final int port;
        Csms csms;
        GridSafety safety;

        Rig(Path dir, String gridSafetyFile) throws Exception {
            this.dataDir = dir.resolve("data");
            this.configDir = dir.resolve("config");
            try (var probe = new java.net.ServerSocket(0)) {
                this.port = probe.getLocalPort();
            }
            Files.createDirectories(configDir.resolve("gridcodes"));
            Files.createDirectories(configDir.resolve("grid-safety"));
            try (var files = Files.list(PRESETS)) {
                for (Path p : files.toList()) {
                    Files.copy(p, configDir.resolve("gridcodes").resolve(p.getFileName()));
                }
            }
            Files.writeString(configDir.resolve("grid-safety/A.properties"),
                    "override.export-limit-kw = 400\n" + gridSafetyFile);
            startCsms();
        }

        void startCsms() throws Exception {
            csms = Csms.start(CsmsSettings.local(port, dataDir), simClock, Duration.ofSeconds(1));
            for (String id : DriverTokens.all()) {
                csms.domain().repositories().tokens().save(new TokenRecord(id, DriverTokens.TYPE,
                        AuthorizationStatusEnumType.Accepted, null, null));
            }
            Site site = new Site("A", "site A", List.of("LOM-*"), 500, 400, LoadProfile.flat("base", 0),
                    LoadProfile.flat("pv", 0), Tariff.flat("flat", "KRW", 100, 50), "ieee1547-cat2",
                    ZoneOffset.UTC, Objective.parse("peak"), Duration.ofMinutes(10), 20, 100,
                    Double.POSITIVE_INFINITY);
            safety = GridSafetyWiring.attach(csms, configDir, new Sites(List.of(site)), clock);
            csms.domain().events().subscribe(events::add);
        }

        SimulatedStation station(String id) throws Exception {
            SimulatedStation s = new SimulatedStation(new StationSpec(id, OcppVersion.V21, 1, 50, 50, true, 1,
                    Optional.empty(), 120, 60), StationSettings.DEFAULTS.withMeterInterval(Duration.ofSeconds(10)),
                    csms.ocppUrl(), null, scheduler, log, FleetMix.s1Korea());
            s.start().get(30, TimeUnit.SECONDS);
            return s;
        }

        /** Plugs an EV in and asks the guard for {@code kw} of discharge (as an operator would). */
        void discharge(SimulatedStation s, double kw) throws Exception {
            assertTrue(s.plugIn(new Arrival(Duration.ZERO, EV, 0.70, Duration.ofHours(3), 0.80))
                    .get(10, TimeUnit.SECONDS));
            await(() -> !csms.domain().repositories().transactions().ofStation(s.id()).isEmpty(), "transaction");
            safety.dispatch("A", List.of(new SetpointRequest(s.id(), 1, -kw, EvseLimits.v2x(50, 50, 70),
                    Requester.OPERATOR)));
            await(() -> power(s) < -kw * 1000 + 1, s.id() + " discharging " + kw + " kW; commands: "
                    + csms.domain().repositories().commands().recent(s.id(), 15).stream().map(c -> c.action() + " " + c.sentAt() + " -> " + c.finishedAt() + " " + c.status() + " " + c.error()).toList() + " problems " + log.problems() + " frames " + frames.stream().filter(f -> f.contains("< [2") || f.contains("> [3") || f.contains("> [4")).map(f -> f.substring(0, Math.min(90, f.length()))).toList() + " power " + power(s));
        }

        LomState state() {
            return safety.supervisor().site("A").orElseThrow().state();
        }

        void tick(Duration d) {
            clock.advance(d);
            safety.tick();
        }

        void restart() throws Exception {
            safety.close();
            csms.close();
            startCsms();
        }

        @Override
        public void close() {
            safety.close();
            csms.close();
            scheduler.close();
        }
    }

    static double power(SimulatedStation s) {
        try {
            return s.view(1).get(10, TimeUnit.SECONDS).powerW();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits for a condition (at most 20 s); the condition is what the test asserts, never elapsed time. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void underFrequencyMidDischargeZeroesDischargeAheadOfQueuedCallsAndRecoversThroughTheRamp(@TempDir Path dir)
            throws Exception {
        try (Rig rig = new Rig(dir, "")) {
            SimulatedStation a = rig.station("LOM-1");
            SimulatedStation b = rig.station("LOM-2");
            rig.discharge(a, 20);
            rig.discharge(b, 20);
            // Calls queued at a slow station: the trip must overtake them.
            a.faults().answerSlowly(Duration.ofMillis(300));
            List<String> order = new CopyOnWriteArrayList<>();
            List<CompletableFuture<?>> queued = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                queued.add(rig.csms.domain().commands().triggerMessage("LOM-1",
                        new TriggerMessageRequest(null, MessageTriggerEnumType.Heartbeat, null, null))
                        .whenComplete((r, e) -> order.add("queued")));
            }
            b.faults().grid(new GridReading(120, 56.0, false), Duration.ofSeconds(30)).get(10, TimeUnit.SECONDS);
            await(() -> rig.state() instanceof LomState.Tripped, "site tripped");
            await(() -> rig.safety.dischargeSwitch().lastAnswer("LOM-1").isPresent(), "cap answered by LOM-1");
            order.add("cap");
            CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertTrue(order.indexOf("cap") <= 1, "the cap overtook the queued calls: " + order);
            a.faults().answerSlowly(Duration.ZERO);
            await(() -> power(a) >= 0 && power(b) >= 0, "no export at the site");
            assertEquals("Accepted 0.0 %", rig.safety.dischargeSwitch().lastAnswer("LOM-2").orElseThrow());
            assertTrue(rig.events.stream().anyMatch(GridSafetyEvent.LossOfMainsTripped.class::isInstance));

            // The guard refuses discharge while tripped, whoever asks.
            var refused = rig.safety.guard("A", List.of(new SetpointRequest("LOM-1", 1, -20,
                    EvseLimits.v2x(50, 50, 70), Requester.API)));
            assertEquals(0.0, refused.get(0).kw());

            // Grid back (the station ends its alarm and reports nominal readings): waiting, then the delay.
            await(() -> rig.state() instanceof LomState.WaitingToReenter, "waiting to re-enter");
            rig.tick(Duration.ofSeconds(299));
            assertInstanceOf(LomState.WaitingToReenter.class, rig.state());
            rig.tick(Duration.ofSeconds(1));
            assertInstanceOf(LomState.Ramping.class, rig.state());
            rig.tick(Duration.ofSeconds(31));
            await(() -> rig.safety.dischargeSwitch().lastAnswer("LOM-1").orElse("").equals("Accepted 10.0 %"),
                    "cap raised to 10 % after 31 s at 0.333 %/s");
            await(() -> power(a) >= -5_000 - 1, "ramping: at most 10 % of 50 kW");
            rig.tick(Duration.ofSeconds(270));
            assertInstanceOf(LomState.Normal.class, rig.state());
            assertEquals(List.of("NORMAL", "RAMPING", "WAITING_TO_REENTER", "TRIPPED"), rig.safety.supervisor()
                    .history("A", 10).stream().map(t -> t.to()).toList());
            assertEquals(List.of(), rig.log.problems());
        }
    }

    @Test
    void islandAlarmAndVoltageSagTripAndAFlapInsideTheDelayRestartsTheTimer(@TempDir Path dir) throws Exception {
        try (Rig rig = new Rig(dir, "")) {
            SimulatedStation a = rig.station("LOM-1");
            rig.discharge(a, 20);
            a.faults().grid(new GridReading(120, 60, true), Duration.ofSeconds(20)).get(10, TimeUnit.SECONDS);
            await(() -> rig.state() instanceof LomState.Tripped, "island alarm trips");
            assertTrue(((LomState.Tripped) rig.state()).cause().contains("NotifyDERAlarm"));
            await(() -> rig.state() instanceof LomState.WaitingToReenter, "island over");
            rig.tick(Duration.ofSeconds(200));
            a.faults().grid(new GridReading(40, 60, false), Duration.ofSeconds(20)).get(10, TimeUnit.SECONDS);
            await(() -> rig.state() instanceof LomState.Tripped, "voltage sag inside the delay trips again");
            await(() -> rig.state() instanceof LomState.WaitingToReenter, "sag over");
            rig.tick(Duration.ofSeconds(299));
            assertInstanceOf(LomState.WaitingToReenter.class, rig.state(), "the timer restarted at the flap");
            rig.tick(Duration.ofSeconds(1));
            assertInstanceOf(LomState.Ramping.class, rig.state());
            assertTrue(power(a) >= 0);
        }
    }

    @Test
    void silentGridMeterTripsAndAStationReconnectingWhileTrippedIsCappedAgain(@TempDir Path dir) throws Exception {
        try (Rig rig = new Rig(dir, "grid-meter = LOM-METER\ngrid-meter.timeout-s = 5\n")) {
            SimulatedStation a = rig.station("LOM-1");
            rig.discharge(a, 20);
            rig.tick(Duration.ofSeconds(6));
            assertInstanceOf(LomState.Tripped.class, rig.state());
            assertTrue(((LomState.Tripped) rig.state()).cause().contains("silent"));
            await(() -> power(a) >= 0, "no export once the meter is silent");
            int before = rig.safety.dischargeSwitch().capsSent("LOM-1");
            a.faults().disconnectFor(Duration.ofSeconds(5));
            await(() -> rig.safety.dischargeSwitch().capsSent("LOM-1") > before, "capped again on reconnect");
            await(() -> rig.safety.dischargeSwitch().lastAnswer("LOM-1").orElse("").startsWith("Accepted 0.0"),
                    "reconnected station accepted the cap");
            assertInstanceOf(LomState.Tripped.class, rig.state());
        }
    }

    @Test
    void aCsmsRestartedWhileTrippedComesBackTrippedAndExportsNothing(@TempDir Path dir) throws Exception {
        try (Rig rig = new Rig(dir, "")) {
            SimulatedStation a = rig.station("LOM-1");
            rig.discharge(a, 20);
            a.faults().grid(new GridReading(120, 56.0, false), Duration.ofMinutes(30)).get(10, TimeUnit.SECONDS);
            await(() -> rig.state() instanceof LomState.Tripped, "tripped");
            rig.restart();
            assertInstanceOf(LomState.Tripped.class, rig.state(), "resumed from the journal");
            await(() -> rig.safety.dischargeSwitch().lastAnswer("LOM-1").orElse("").startsWith("Accepted 0.0"),
                    "the reconnecting station is capped at once");
            var refused = rig.safety.guard("A", List.of(new SetpointRequest("LOM-1", 1, -20,
                    EvseLimits.v2x(50, 50, 70), Requester.PLANNER)));
            assertEquals(0.0, refused.get(0).kw());
            assertTrue(power(a) >= 0);
        }
    }
}
