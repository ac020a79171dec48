package org.v2gcsms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.v2gcsms.control.dispatch.Dispatcher;
import org.v2gcsms.control.dispatch.RatingGuard;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.control.planner.Planner;
import org.v2gcsms.control.site.LoadProfile;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.Sites;
import org.v2gcsms.control.site.Tariff;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsStatusEnumType;
import org.v2gcsms.ocpp.v21.SetChargingProfileRequest;
import org.v2gcsms.ocpp.v21.SetChargingProfileResponse;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.commands.CommandRecord;
import org.v2gcsms.sessions.commands.CommandRepository;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.devicemodel.ChargingCapabilities;
import org.v2gcsms.sessions.devicemodel.DeviceModelService;
import org.v2gcsms.sessions.events.DomainEvents;
import org.v2gcsms.sessions.session.EvChargingSchedule;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionEvent;
import org.v2gcsms.sessions.session.SessionManager;
import org.v2gcsms.sessions.session.SessionState;

/**
 * The loop's answers to an EV: charging needs and reported schedules. The session manager and device model are
 * mocked (the collaborators isolated here); planner and dispatcher are real, the station is a scripted link
 * that accepts every profile. Runs are made by hand ({@link ControlLoop#replan}); the loop's own event-driven
 * runs are an hour away, so they never race the test.
 */
class ControlLoopTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final ChargingCapabilities WATTS = new ChargingCapabilities(Set.of("W"), Optional.empty(), Optional.empty(),
            Optional.empty(), true, false, Set.of(), Set.of(), Map.of(), Map.of());

    final List<SetChargingProfileRequest> sent = new CopyOnWriteArrayList<>();
    final StationCalls link = new StationCalls() {
        @Override
        public CompletableFuture<Object> call(String stationId, Object request) {
            sent.add((SetChargingProfileRequest) request);
            return CompletableFuture.completedFuture(new SetChargingProfileResponse(
                    ChargingProfileStatusEnumType.Accepted, null, null));
        }

        @Override
        public Optional<OcppVersion> version(String stationId) {
            return Optional.of(OcppVersion.V21);
        }
    };
    static final CommandRepository NO_LOG = new CommandRepository() {
        public long sent(String s, String a, String j, Instant at) { return 0; }
        public void answered(long id, String status, String json, Instant at) {}
        public void failed(long id, String error, Instant at) {}
        public List<CommandRecord> recent(String s, int limit) { return List.of(); }
    };

    final SessionManager sessions = mock(SessionManager.class);
    final DeviceModelService deviceModel = mock(DeviceModelService.class);
    final DomainEvents events = new DomainEvents();
    final Session session = new Session.Builder("SITE-1", "tx-1", 80, null).evse(1, 1).state(SessionState.CHARGING)
            .build();
    ControlLoop loop;

    @BeforeEach
    void start() {
        Site site = new Site("depot", "Depot", List.of("SITE-*"), 100, 0, LoadProfile.flat("base", 10),
                LoadProfile.flat("pv", 0), Tariff.flat("flat", "EUR", 0.2, 0.1), "none", ZoneOffset.UTC,
                Objective.PEAK, Duration.ofMinutes(10), 20, 100, Double.POSITIVE_INFINITY);
        when(sessions.active()).thenReturn(List.of(session));
        when(deviceModel.capabilities("SITE-1")).thenReturn(WATTS);
        Dispatcher dispatcher = new Dispatcher(new StationCommands(link, NO_LOG, CLOCK), new RatingGuard(), CLOCK,
                Dispatcher.Settings.defaults());
        loop = new ControlLoop(new Sites(List.of(site)), sessions, deviceModel, link, dispatcher, new Planner(), CLOCK,
                new ControlLoop.Settings(22, 3, 230, Duration.ofHours(1)));
        loop.start(events);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    static StationContext at(String stationId, OcppVersion version) {
        return new StationContext(stationId, version, 1);
    }

    @Test
    void needsAtASiteAreAcceptedAndTheProfileGoesOutAgainUnchanged() {
        loop.replan("depot");
        loop.replan("depot");
        assertEquals(1, sent.size(), "an unchanged plan is not sent twice");

        assertEquals(NotifyEVChargingNeedsStatusEnumType.Accepted,
                loop.answerNeeds(at("SITE-1", OcppVersion.V21), session));
        loop.replan("depot");
        assertEquals(2, sent.size(), "the EV renegotiated: it gets a profile although the plan did not change");
        assertEquals("tx-1", sent.get(1).chargingProfile().transactionId());
        loop.replan("depot");
        assertEquals(2, sent.size(), "renewed once only");
    }

    @Test
    void needsBeforeTheTransactionWaitForItsProfile() {
        assertEquals(NotifyEVChargingNeedsStatusEnumType.Processing, loop.answerNeeds(at("SITE-2", OcppVersion.V21),
                null));
        assertEquals(NotifyEVChargingNeedsStatusEnumType.Accepted, loop.answerNeeds(at("SITE-2", OcppVersion.V201),
                null));
    }

    @Test
    void needsOutsideAnySiteGetNoSchedule() {
        assertEquals(NotifyEVChargingNeedsStatusEnumType.NoChargingProfile,
                loop.answerNeeds(at("ELSEWHERE", OcppVersion.V21), null));
        assertEquals(NotifyEVChargingNeedsStatusEnumType.Rejected,
                loop.answerNeeds(at("ELSEWHERE", OcppVersion.V201), null));
    }

    static SessionEvent.EvScheduleReported evSchedule(double watts) {
        EvChargingSchedule s = new EvChargingSchedule(T0, 1, T0, "W", 3600,
                List.of(new EvChargingSchedule.Period(0, watts, null, null)));
        return new SessionEvent.EvScheduleReported("SITE-1", "tx-1", 1, s, T0);
    }

    @Test
    void anEvScheduleBeyondTheSentLimitsGetsTheProfileAgain() {
        loop.replan("depot");
        double limitW = sent.getFirst().chargingProfile().chargingSchedule().getFirst().chargingSchedulePeriod()
                .getFirst().limit();

        events.publish(evSchedule(limitW));
        loop.replan("depot");
        assertEquals(1, sent.size(), "an EV keeping to its limit changes nothing");

        events.publish(evSchedule(limitW + 5_000));
        loop.replan("depot");
        assertEquals(2, sent.size(), "the EV asked for more than it was given: the profile is sent again");
    }

    @Test
    void aSiteRenewalSendsEveryProfileAgain() {
        loop.replan("depot");
        loop.renewSite("depot");
        loop.replan("depot");
        assertEquals(2, sent.size());
    }
}
