package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.session.EndReason;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionEvent;
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
 * A simulated bidirectional OCPP 2.1 station and the CSMS share one simulated clock running 300 times faster
 * than real time: an EV that would stay three hours is warned at 35 minutes and stopped by the CSMS at 40, with
 * its SoC, needs and energy tracked meanwhile, and the station sees no protocol error.
 */
class SimulatedSessionLimitTest {

    @Test
    void anEvStayingLongIsStoppedAtFortyMinutesByTheCsms(@TempDir Path dataDir) throws Exception {
        SimClock clock = SimClock.startingNow(300);
        List<DomainEvent> published = new CopyOnWriteArrayList<>();
        try (SimScheduler scheduler = new SimScheduler(clock, 2);
             Csms csms = Csms.start(CsmsSettings.local(0, dataDir), clock, Duration.ofMillis(10))) {
            CompletableFuture<SessionEvent.SessionEnded> endedOnce = new CompletableFuture<>();
            csms.domain().events().subscribe(e -> {
                published.add(e);
                if (e instanceof SessionEvent.SessionEnded end) {
                    endedOnce.complete(end);
                }
            });
            for (String id : DriverTokens.all()) {
                csms.domain().repositories().tokens().save(new TokenRecord(id, DriverTokens.TYPE,
                        AuthorizationStatusEnumType.Accepted, null, null));
            }
            SimulationLog log = new SimulationLog();
            // The station itself would only end the session after two hours: the CSMS must do it.
            StationSettings settings = StationSettings.DEFAULTS.withSessionLimit(Duration.ofHours(2));
            SimulatedStation station = new SimulatedStation(StationSpec.fastCharger("SIM-LIM", OcppVersion.V21, 1),
                    settings, csms.ocppUrl(), null, scheduler, log, FleetMix.s1Korea());
            station.start().get(30, TimeUnit.SECONDS);
            EvModel kona = new EvModel("Kona", 1, 64, 5.6, 50, 50);
            assertTrue(station.plugIn(new Arrival(Duration.ZERO, kona, 0.30, Duration.ofHours(3), 0.80))
                    .get(10, TimeUnit.SECONDS));

            SessionEvent.SessionEnded ended = endedOnce.get(60, TimeUnit.SECONDS);
            assertEquals(EndReason.MAX_DURATION_REACHED.wire(), ended.endReason());
            SessionEvent.SessionStarted started = first(published, SessionEvent.SessionStarted.class);
            SessionEvent.LimitApproaching warning = first(published, SessionEvent.LimitApproaching.class);
            SessionEvent.LimitReached reached = first(published, SessionEvent.LimitReached.class);
            Instant deadline = started.pluggedInAt().plus(Duration.ofMinutes(40));
            assertEquals(deadline, started.limitDeadline());
            assertEquals(deadline, reached.deadline());
            assertFalse(reached.at().isBefore(deadline));
            assertTrue(Duration.between(deadline, reached.at()).compareTo(Duration.ofSeconds(30)) < 0,
                    "acted on within 30 simulated seconds of the deadline: " + reached.at());
            assertFalse(warning.at().isBefore(deadline.minus(Duration.ofMinutes(5))));
            assertTrue(published.stream().filter(SessionEvent.SocUpdated.class::isInstance).count() >= 10,
                    "SoC reported every simulated minute");
            assertTrue(published.stream().anyMatch(SessionEvent.NeedsUpdated.class::isInstance));

            Session session = csms.domain().sessions().find(new org.v2gcsms.sessions.session.SessionKey(
                    "SIM-LIM", ended.transactionId())).orElseThrow();
            assertEquals(30.0, session.socAtArrival(), 0.5);
            assertTrue(session.soc() > session.socAtArrival(), "the EV charged: " + session.soc());
            assertTrue(session.importedWh() > 0);
            assertEquals(64_000.0, session.batteryCapacityWh());
            assertTrue(session.needs().v2x() != null, "2.1 V2X parameters kept");
            assertEquals("Remote", session.stoppedReason());

            station.stop().get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), log.problems(), "no protocol errors");
        }
    }

    private static <E> E first(List<DomainEvent> events, Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + events));
    }
}
