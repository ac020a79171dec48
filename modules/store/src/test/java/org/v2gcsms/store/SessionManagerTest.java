package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.BootReasonEnumType;
import org.v2gcsms.ocpp.v21.ChargingNeedsType;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.ChargingStationType;
import org.v2gcsms.ocpp.v21.DCChargingParametersType;
import org.v2gcsms.ocpp.v21.EnergyTransferModeEnumType;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsRequest;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsResponse;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsStatusEnumType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.RequestStartStopStatusEnumType;
import org.v2gcsms.ocpp.v21.RequestStopTransactionRequest;
import org.v2gcsms.ocpp.v21.RequestStopTransactionResponse;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TransactionEventResponse;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.ocpp.v21.V2XChargingParametersType;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.DomainSettings;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.events.DomainEvent;
import org.v2gcsms.sessions.session.EndReason;
import org.v2gcsms.sessions.session.MaxDuration;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionEvent;
import org.v2gcsms.sessions.session.SessionFilter;
import org.v2gcsms.sessions.session.SessionKey;
import org.v2gcsms.sessions.session.SessionLimits;
import org.v2gcsms.sessions.session.SessionSettings;
import org.v2gcsms.sessions.session.SessionState;
import org.v2gcsms.sessions.session.TimelinePoint;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.stations.UnknownStationPolicy;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;

/**
 * The session manager over a real store (H2 and PostgreSQL), driven through the domain's message table with a
 * clock the test moves; the limit watch is run by hand ({@code check()}) at the instants that matter.
 */
class SessionManagerTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final String CS = "CS-S";
    private static final StationContext V21 = new StationContext(CS, OcppVersion.V21, 1);
    private static final SessionKey TX = new SessionKey(CS, "TX-1");

    private final ManualClock clock = new ManualClock(T0);
    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();

    private CsmsDomain domain(Store store, FakeStation station, SessionLimits limits) throws OcppError {
        SessionSettings sessions = SessionSettings.of(limits).withCheckEvery(Duration.ofHours(1));
        CsmsDomain domain = new CsmsDomain(store.repositories(), station, new DomainSettings(
                StationSettings.of(Duration.ofSeconds(300), UnknownStationPolicy.ACCEPT), UnknownTokenPolicy.ACCEPT,
                StaleTransactionPolicy.defaults(), sessions), clock);
        domain.events().subscribe(published::add);
        domain.start();
        station.connect(CS);
        domain.connected(V21);
        domain.messages().answer(V21, new BootNotificationRequest(new ChargingStationType("M", "V"),
                BootReasonEnumType.PowerUp));
        return domain;
    }

    private static FakeStation acceptingStops() {
        return new FakeStation().answer(RequestStopTransactionRequest.class,
                r -> new RequestStopTransactionResponse(RequestStartStopStatusEnumType.Accepted, null, null));
    }

    private static TransactionEventResponse send(CsmsDomain d, TransactionEventRequest r) throws OcppError {
        return (TransactionEventResponse) d.messages().answer(V21, r);
    }

    private static Instant at(int minutes, int seconds) {
        return T0.plusSeconds(60L * minutes + seconds);
    }

    private long stops(FakeStation station) {
        return station.sent.stream().filter(RequestStopTransactionRequest.class::isInstance).count();
    }

    private <E> List<E> events(Class<E> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @DatabaseTest
    void aSessionIsTrackedFromPlugInAndStoppedAtExactlyFortyMinutes(Store store) throws Exception {
        FakeStation station = acceptingStops();
        CsmsDomain d = domain(store, station, SessionLimits.defaults());

        TransactionEventResponse started = send(d, TxEvents.started("TX-1", 0, T0).soc(30).energy(10_000, 0).build());
        assertEquals(2400, started.transactionLimit().maxTime(), "2.1: the limit goes to the station too");
        send(d, TxEvents.updated("TX-1", 1, at(1, 0)).trigger(TriggerReasonEnumType.Authorized).token("CARD")
                .state(ChargingStateEnumType.EVConnected).build());
        send(d, TxEvents.updated("TX-1", 2, at(2, 0)).trigger(TriggerReasonEnumType.ChargingStateChanged)
                .state(ChargingStateEnumType.Charging).power(50_000).soc(31).energy(10_000, 0).build());
        send(d, TxEvents.updated("TX-1", 3, at(20, 0)).state(ChargingStateEnumType.Charging).power(-20_000).soc(55)
                .energy(25_000, 1_000).build());

        Session s = d.sessions().find(TX).orElseThrow();
        assertEquals(SessionState.DISCHARGING, s.state());
        assertEquals(T0, s.pluggedInAt());
        assertEquals(at(1, 0), s.authorizedAt());
        assertEquals(at(2, 0), s.firstEnergyAt());
        assertEquals(30.0, s.socAtArrival());
        assertEquals(55.0, s.soc());
        assertEquals(at(20, 0), s.socAt());
        assertEquals(15_000.0, s.importedWh());
        assertEquals(1_000.0, s.exportedWh());
        assertEquals(-20_000.0, s.powerW());
        assertEquals("CARD", s.idToken());
        assertEquals(at(40, 0), s.limitDeadline().orElseThrow());
        assertEquals(List.of(s), d.sessions().activeAt(CS));

        clock.set(at(34, 59));
        d.sessionLimits().check();
        assertTrue(events(SessionEvent.LimitApproaching.class).isEmpty(), "no warning before 35 minutes");
        clock.set(at(35, 0));
        d.sessionLimits().check();
        SessionEvent.LimitApproaching warning = events(SessionEvent.LimitApproaching.class).getFirst();
        assertEquals(at(40, 0), warning.deadline());
        assertEquals(Duration.ofMinutes(5), warning.remaining());

        clock.set(at(39, 59));
        d.sessionLimits().check();
        assertEquals(0, stops(station), "no stop one second before the limit");
        clock.set(at(40, 0));
        d.sessionLimits().check();
        d.sessionLimits().check();
        assertEquals(1, stops(station), "stopped at exactly 40 minutes, once");
        assertEquals(at(40, 0), events(SessionEvent.LimitReached.class).getFirst().at());

        send(d, TxEvents.ended("TX-1", 4, at(40, 1), ReasonEnumType.Remote).energy(26_000, 1_000).build());
        Session ended = d.sessions().find(TX).orElseThrow();
        assertEquals(SessionState.ENDED, ended.state());
        assertEquals(EndReason.MAX_DURATION_REACHED, ended.endReason());
        assertEquals("Remote", ended.stoppedReason());
        assertEquals(16_000.0, ended.importedWh());
        assertTrue(d.sessions().activeAt(CS).isEmpty());
        assertEquals("MaxDurationReached", events(SessionEvent.SessionEnded.class).getFirst().endReason());
        assertEquals(List.of(ended), d.sessions().history(SessionFilter.all()
                .endedBecause(EndReason.MAX_DURATION_REACHED)));
        assertTrue(d.sessions().history(SessionFilter.all().endedBecause(EndReason.EV_DISCONNECTED)).isEmpty());

        List<TimelinePoint> timeline = d.sessions().timeline(TX);
        assertEquals(List.of(T0, at(2, 0), at(20, 0), at(40, 1)), timeline.stream().map(TimelinePoint::at).toList());
        assertEquals(new TimelinePoint(at(20, 0), 55.0, -20_000.0, 15_000.0, 1_000.0), timeline.get(2));
        d.close();
    }

    @DatabaseTest
    void deadlinesComeFromStoredPlugInTimesAcrossRestarts(Store store, DatabaseConfig config) throws Exception {
        FakeStation station = acceptingStops();
        CsmsDomain first = domain(store, station, SessionLimits.defaults());
        send(first, TxEvents.started("TX-1", 0, T0).soc(40).build());
        send(first, TxEvents.started("TX-2", 0, at(10, 0)).soc(50).build());
        first.close();
        store.close();

        // Down from minute 12 to minute 45: TX-1's deadline (40:00) passed meanwhile, TX-2's (50:00) did not.
        clock.set(at(45, 0));
        try (Store reopened = Store.open(config)) {
            FakeStation again = acceptingStops();
            CsmsDomain second = domain(reopened, again, SessionLimits.defaults());
            // The station's connection triggers a check of its sessions at once.
            awaitTrue(() -> stops(again) > 0, "a RequestStopTransaction after the restart");
            second.sessionLimits().check();
            assertEquals(List.of(new RequestStopTransactionRequest("TX-1", null)), again.sent.stream()
                    .filter(RequestStopTransactionRequest.class::isInstance).toList(), "stopped at once on restart");
            assertTrue(events(SessionEvent.LimitApproaching.class).stream()
                    .anyMatch(w -> w.transactionId().equals("TX-2") && w.deadline().equals(at(50, 0))));
            clock.set(at(50, 0));
            second.sessionLimits().check();
            assertTrue(again.sent.contains(new RequestStopTransactionRequest("TX-2", null)));
            assertEquals(3, stops(again), "TX-2 once, TX-1 again: it has not ended since 45:00");
            assertEquals(at(50, 0), second.sessions().find(new SessionKey(CS, "TX-2")).orElseThrow().limitReachedAt());
            second.close();
        }
    }

    @DatabaseTest
    void aStationThatIgnoresTheStopIsAskedAgainThenFlagged(Store store) throws Exception {
        FakeStation station = new FakeStation(); // never answers RequestStopTransaction
        CsmsDomain d = domain(store, station, SessionLimits.defaults());
        send(d, TxEvents.started("TX-1", 0, T0).build());

        for (int minute = 40; minute <= 44; minute++) {
            clock.set(at(minute, 0));
            d.sessionLimits().check();
        }
        assertEquals(3, stops(station), "sent at 40, 41 and 42 minutes, then no more");
        Session s = d.sessions().find(TX).orElseThrow();
        assertTrue(s.stopIgnored());
        assertEquals(SessionState.PLUGGED, s.state(), "still running: the station never ended it");
        SessionEvent.StopIgnored flagged = events(SessionEvent.StopIgnored.class).getFirst();
        assertEquals(3, flagged.attempts());
        assertEquals(at(43, 0), flagged.at());
        d.close();
    }

    @DatabaseTest
    void withTheLimitOffNothingIsStoppedAndTheDepartureComesFromTheEv(Store store) throws Exception {
        FakeStation station = acceptingStops();
        CsmsDomain d = domain(store, station, SessionLimits.of(MaxDuration.OFF, Duration.ofMinutes(5)));
        TransactionEventResponse started = send(d, TxEvents.started("TX-1", 0, T0).soc(20).build());
        assertNull(started.transactionLimit());
        needs(d, at(0, 30), at(90, 0));

        clock.set(at(180, 0));
        d.sessionLimits().check();
        assertEquals(0, stops(station));
        Session s = d.sessions().find(TX).orElseThrow();
        assertTrue(s.limitDeadline().isEmpty());
        assertEquals(at(90, 0), s.departureDeadline().orElseThrow());
        d.close();
    }

    @DatabaseTest
    void anEarlierEvDepartureIsTheDeadlineAndTheEnergyStillNeededFollowsTheTarget(Store store) throws Exception {
        CsmsDomain d = domain(store, acceptingStops(), SessionLimits.defaults());
        send(d, TxEvents.started("TX-1", 0, T0).soc(20).build());
        NotifyEVChargingNeedsResponse answer = needs(d, at(0, 30), at(25, 0));
        assertEquals(NotifyEVChargingNeedsStatusEnumType.NoChargingProfile, answer.status());

        Session s = d.sessions().find(TX).orElseThrow();
        assertEquals(at(25, 0), s.departureDeadline().orElseThrow());
        assertEquals(at(40, 0), s.limitDeadline().orElseThrow());
        assertEquals(64_000.0, s.batteryCapacityWh());
        assertEquals(0.6 * 64_000, s.energyNeededWh().orElseThrow(), 1e-6, "20% → 80% of 64 kWh");
        assertEquals(-5_000.0, s.needs().v2x().evMinV2XEnergyRequestWh());
        assertEquals(11_000.0, s.needs().v2x().maxDischargePowerW());

        d.sessions().setTargetSoc(TX, 90);
        assertEquals(0.7 * 64_000, d.sessions().find(TX).orElseThrow().energyNeededWh().orElseThrow(), 1e-6);
        SessionEvent.NeedsUpdated updated = events(SessionEvent.NeedsUpdated.class).getLast();
        assertEquals(90.0, updated.targetSoc());
        assertEquals(at(25, 0), updated.departureDeadline());
        d.close();
    }

    @DatabaseTest
    void aSessionWithoutSocIsTrackedAndThePlannerToldSocIsUnknown(Store store) throws Exception {
        CsmsDomain d = domain(store, acceptingStops(), SessionLimits.defaults());
        send(d, TxEvents.started("TX-1", 0, T0).energy(0, 0).build());
        send(d, TxEvents.updated("TX-1", 1, at(5, 0)).state(ChargingStateEnumType.Charging).power(7_000)
                .energy(500, 0).build());

        Session s = d.sessions().activeAt(CS).getFirst();
        assertFalse(s.socKnown());
        assertNull(s.soc());
        assertTrue(s.energyNeededWh().isEmpty(), "no SoC, no capacity, no EV request: unknown");
        assertEquals(SessionState.CHARGING, s.state());
        assertEquals(500.0, s.importedWh());
        assertEquals(at(40, 0), s.departureDeadline().orElseThrow());
        assertTrue(events(SessionEvent.SocUpdated.class).isEmpty());
        d.close();
    }

    @DatabaseTest
    void outOfOrderAndDuplicateEventsEndInTheSameSession(Store store) throws Exception {
        CsmsDomain d = domain(store, acceptingStops(), SessionLimits.defaults());
        TransactionEventRequest charging = TxEvents.updated("TX-1", 2, at(10, 0)).state(ChargingStateEnumType.Charging)
                .power(11_000).soc(50).energy(2_000, 0).build();
        // The Started event was queued offline and comes after a later one; then a re-send of that later one.
        send(d, charging);
        send(d, TxEvents.started("TX-1", 0, at(-2, 0)).soc(35).energy(0, 0).build());
        send(d, TxEvents.updated("TX-1", 1, at(5, 0)).state(ChargingStateEnumType.SuspendedEVSE).soc(42).build());
        send(d, charging);

        Session s = d.sessions().find(TX).orElseThrow();
        assertEquals(SessionState.CHARGING, s.state(), "the state of the newest event (seqNo 2)");
        assertEquals(at(-2, 0), s.pluggedInAt(), "the Started event's time, though it came late");
        assertEquals(at(38, 0), s.limitDeadline().orElseThrow());
        assertEquals(35.0, s.socAtArrival());
        assertEquals(50.0, s.soc(), "latest by time, not by arrival");
        assertEquals(2, s.lastSeqNo());
        assertEquals(1, events(SessionEvent.SessionStarted.class).size());

        send(d, TxEvents.ended("TX-1", 3, at(20, 0), ReasonEnumType.EVDisconnected).energy(3_000, 0).build());
        send(d, TxEvents.updated("TX-1", 4, at(21, 0)).state(ChargingStateEnumType.Charging).build());
        Session ended = d.sessions().find(TX).orElseThrow();
        assertEquals(SessionState.ENDED, ended.state(), "ENDED is final");
        assertEquals(EndReason.EV_DISCONNECTED, ended.endReason());
        assertEquals(at(20, 0), ended.releasedAt());
        assertEquals(1, ended.illegalTransitions());
        assertEquals(1, d.sessions().illegalTransitions());
        assertEquals(1, events(SessionEvent.SessionEnded.class).size());
        d.close();
    }

    @DatabaseTest
    void limitsFollowSiteAndGroupAndActiveSessionsAreFoundBySite(Store store) throws Exception {
        SessionLimits limits = SessionLimits.defaults().withSite("SEOUL", MaxDuration.parse("30m"))
                .withGroup("FLEET", MaxDuration.OFF).withStation(CS, "SEOUL", null)
                .withStation("CS-F", "SEOUL", "FLEET");
        CsmsDomain d = domain(store, acceptingStops(), limits);
        send(d, TxEvents.started("TX-1", 0, T0).build());
        assertEquals(at(30, 0), d.sessions().find(TX).orElseThrow().limitDeadline().orElseThrow());
        assertEquals(MaxDuration.OFF, limits.limitFor("CS-F"));
        assertEquals(MaxDuration.DEFAULT, limits.limitFor("ELSEWHERE"));
        assertEquals(1, d.sessions().activeAtSite("SEOUL").size());
        assertTrue(d.sessions().activeAtSite("BUSAN").isEmpty());
        assertEquals(1, d.sessions().history(SessionFilter.all().atSite("SEOUL").onlyActive(true)).size());
        d.close();
    }

    /** Sites list stations by prefix (SIM-*): their sessions are found by site, live and in the stored history. */
    @DatabaseTest
    void aSiteListingAPrefixFindsItsSessionsLiveAndInHistory(Store store) throws Exception {
        SessionLimits limits = SessionLimits.defaults().withSiteStations("DEPOT", List.of("CS-*"))
                .withSiteStations("LITERAL", List.of("C_-S", "CS%*"));
        CsmsDomain d = domain(store, acceptingStops(), limits);
        send(d, TxEvents.started("TX-1", 0, T0).build());
        assertEquals(List.of(TX), d.sessions().activeAtSite("DEPOT").stream().map(Session::key).toList());
        assertEquals(List.of(TX), d.sessions().history(SessionFilter.all().atSite("DEPOT")).stream()
                .map(Session::key).toList());
        assertEquals(1, d.sessions().history(SessionFilter.all().atSite("DEPOT").atStations(Set.of(CS))).size());
        assertTrue(d.sessions().history(SessionFilter.all().atSite("DEPOT").atStations(Set.of("CS-OTHER")))
                .isEmpty());
        // '_' and '%' in a listing are characters, not SQL wildcards
        assertTrue(d.sessions().activeAtSite("LITERAL").isEmpty());
        assertTrue(d.sessions().history(SessionFilter.all().atSite("LITERAL")).isEmpty());
        d.close();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private NotifyEVChargingNeedsResponse needs(CsmsDomain d, Instant at, Instant departure) throws OcppError {
        DCChargingParametersType dc = new DCChargingParametersType(125.0, 500.0, 50_000.0, 64_000.0, 38_400.0, 20,
                100, 80, null);
        V2XChargingParametersType v2x = new V2XChargingParametersType(0.0, null, null, 50_000.0, null, null, 0.0, null,
                null, 11_000.0, null, null, null, null, null, null, null, null, 38_400.0, 38_400.0, 51_200.0,
                -5_000.0, 51_200.0, 80, null);
        return (NotifyEVChargingNeedsResponse) d.messages().answer(V21, new NotifyEVChargingNeedsRequest(1, null,
                new ChargingNeedsType(null, null, null, EnergyTransferModeEnumType.DC_BPT, dc, v2x,
                        List.of(EnergyTransferModeEnumType.DC, EnergyTransferModeEnumType.DC_BPT), null, null,
                        departure, null), at, null));
    }
}
