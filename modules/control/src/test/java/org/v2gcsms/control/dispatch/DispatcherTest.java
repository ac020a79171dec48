package org.v2gcsms.control.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.ChargingProfilePurposeEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileType;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;
import org.v2gcsms.sessions.commands.CommandRecord;
import org.v2gcsms.sessions.commands.CommandRepository;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.devicemodel.ChargingCapabilities;

/**
 * The dispatcher against a scripted station link (the way out to stations is the collaborator isolated here;
 * the end-to-end path over WebSockets is covered in the app's tests).
 */
class DispatcherTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final ChargingCapabilities V2X = new ChargingCapabilities(Set.of("W"), Optional.of(24), Optional.of(3),
            Optional.of(8), true, true, Set.of("ChargingOnly", "CentralSetpoint"), Set.of("DC", "DC_BPT"),
            Map.of(1, 50_000.0), Map.of());
    static final ChargingCapabilities AMPS_ONLY = new ChargingCapabilities(Set.of("A"), Optional.of(2), Optional.of(3),
            Optional.of(8), true, false, Set.of(), Set.of(), Map.of(), Map.of());

    /** Answers SetChargingProfile from a script; records what was sent (as the station's own version). */
    static final class ScriptedLink implements StationCalls {
        final List<Object> sent = new ArrayList<>();
        final OcppVersion version;
        Function<Object, CompletableFuture<Object>> answer;

        ScriptedLink(OcppVersion version, Function<Object, CompletableFuture<Object>> answer) {
            this.version = version;
            this.answer = answer;
        }

        @Override
        public synchronized CompletableFuture<Object> call(String stationId, Object request) {
            sent.add(request);
            return answer.apply(request);
        }

        @Override
        public Optional<OcppVersion> version(String stationId) {
            return Optional.of(version);
        }
    }

    static final CommandRepository NO_LOG = new CommandRepository() {
        public long sent(String s, String a, String j, Instant at) { return 0; }
        public void answered(long id, String status, String json, Instant at) {}
        public void failed(long id, String error, Instant at) {}
        public List<CommandRecord> recent(String s, int limit) { return List.of(); }
    };

    static CompletableFuture<Object> accept21(Object request) {
        return CompletableFuture.completedFuture(new org.v2gcsms.ocpp.v21.SetChargingProfileResponse(
                org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType.Accepted, null, null));
    }

    static Dispatcher dispatcher(ScriptedLink link) {
        return new Dispatcher(new StationCommands(link, NO_LOG, CLOCK), new RatingGuard(), CLOCK,
                Dispatcher.Settings.defaults());
    }

    static EvseTarget v2xTarget(boolean evAllows) {
        return new EvseTarget("CS-1", 1, "tx-1", OcppVersion.V21, V2X, 50, 50, 0, 400, evAllows);
    }

    static ChargingSchedulePeriodType firstPeriod(Object request, int index) {
        var r = (org.v2gcsms.ocpp.v21.SetChargingProfileRequest) request;
        return r.chargingProfile().chargingSchedule().getFirst().chargingSchedulePeriod().get(index);
    }

    @Test
    void v2xStationGetsCentralSetpointsWithDischargeAndTheDeadbandSuppressesRepeats() {
        ScriptedLink link = new ScriptedLink(OcppVersion.V21, DispatcherTest::accept21);
        Dispatcher d = dispatcher(link);
        EvseSchedule plan = new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {40, -20, -20, 30});

        assertEquals(DispatchRecord.Outcome.SENT, d.dispatch(v2xTarget(true), plan).join().outcome());
        var req = (org.v2gcsms.ocpp.v21.SetChargingProfileRequest) link.sent.getFirst();
        ChargingProfileType p = req.chargingProfile();
        assertEquals(ChargingProfilePurposeEnumType.TxProfile, p.chargingProfilePurpose());
        assertEquals("tx-1", p.transactionId());
        List<ChargingSchedulePeriodType> periods = p.chargingSchedule().getFirst().chargingSchedulePeriod();
        assertEquals(List.of(0, 600, 1800), periods.stream().map(ChargingSchedulePeriodType::startPeriod).toList(),
                "equal neighbouring steps merged");
        assertEquals(OperationModeEnumType.CentralSetpoint, periods.get(1).operationMode());
        assertEquals(-20_000, periods.get(1).setpoint());
        assertEquals(-50_000, periods.get(1).dischargeLimit());

        // 0.5 kW off everywhere: inside the 1 kW deadband, nothing goes out.
        EvseSchedule nudged = new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {40.5, -19.5, -20, 30});
        assertEquals(DispatchRecord.Outcome.UNCHANGED, d.dispatch(v2xTarget(true), nudged).join().outcome());
        assertEquals(1, link.sent.size());
    }

    @Test
    void aRenewedProfileGoesOutEvenWithinTheDeadband() {
        ScriptedLink link = new ScriptedLink(OcppVersion.V21, DispatcherTest::accept21);
        Dispatcher d = dispatcher(link);
        EvseSchedule plan = new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {11, 11});
        d.dispatch(v2xTarget(true), plan).join();

        // The EV renegotiated: the same schedule again, sent because the EV waits for a profile.
        assertEquals(DispatchRecord.Outcome.SENT, d.dispatch(v2xTarget(true), plan, true).join().outcome());
        assertEquals(2, link.sent.size());
        assertEquals(11_000, firstPeriod(link.sent.get(1), 0).setpoint());
        assertEquals(DispatchRecord.Outcome.UNCHANGED, d.dispatch(v2xTarget(true), plan).join().outcome());
        assertEquals(2, link.sent.size());
    }

    @Test
    void evThatRefusesDischargeGetsNoDischargeEvenFromAV2xStation() {
        ScriptedLink link = new ScriptedLink(OcppVersion.V21, DispatcherTest::accept21);
        dispatcher(link).dispatch(v2xTarget(false),
                new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {-20, 30})).join();
        ChargingSchedulePeriodType first = firstPeriod(link.sent.getFirst(), 0);
        assertEquals(0, first.setpoint(), "the guard clamped the discharge to 0");
        assertNull(first.dischargeLimit());
    }

    @Test
    void ocpp201StationGetsChargeOnlyLimitsInAmpsCutToItsPeriods() {
        ScriptedLink link = new ScriptedLink(OcppVersion.V201, r -> CompletableFuture.completedFuture(
                new org.v2gcsms.ocpp.v201.SetChargingProfileResponse(null,
                        org.v2gcsms.ocpp.v201.ChargingProfileStatusEnumType.Accepted, null)));
        EvseTarget target = new EvseTarget("CS-2", 2, "tx-2", OcppVersion.V201, AMPS_ONLY, 22, 0, 3, 230, true);
        var outcome = dispatcher(link).dispatch(target,
                new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {-11, 13.8, 6.9, 11})).join();
        assertEquals(DispatchRecord.Outcome.SENT, outcome.outcome());
        var req = (org.v2gcsms.ocpp.v201.SetChargingProfileRequest) link.sent.getFirst();
        var schedule = req.chargingProfile().chargingSchedule().getFirst();
        assertEquals(org.v2gcsms.ocpp.v201.ChargingRateUnitEnumType.A, schedule.chargingRateUnit());
        assertEquals(2, schedule.chargingSchedulePeriod().size(), "PeriodsPerSchedule = 2");
        assertEquals(0, schedule.chargingSchedulePeriod().get(0).limit(), "no discharge to a 2.0.1 station");
        assertEquals(20, schedule.chargingSchedulePeriod().get(1).limit(), 0.1, "13.8 kW = 20 A on 3 x 230 V");
    }

    @Test
    void rejectedTwiceFallsBackToChargeOnlyAndStaysThereForTheTransaction() {
        List<String> modes = new ArrayList<>();
        ScriptedLink link = new ScriptedLink(OcppVersion.V21, null);
        link.answer = r -> {
            OperationModeEnumType mode = firstPeriod(r, 0).operationMode();
            modes.add(String.valueOf(mode));
            if (mode == OperationModeEnumType.CentralSetpoint) {
                return CompletableFuture.completedFuture(new org.v2gcsms.ocpp.v21.SetChargingProfileResponse(
                        org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType.Rejected, null, null));
            }
            return accept21(r);
        };
        Dispatcher d = dispatcher(link);
        DispatchRecord rec = d.dispatch(v2xTarget(true),
                new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {-30, 40})).join();
        assertEquals(DispatchRecord.Outcome.FALLBACK, rec.outcome());
        assertEquals(List.of("CentralSetpoint", "CentralSetpoint", "null"), modes, "retried once, then ChargingOnly");
        assertEquals(0, firstPeriod(link.sent.get(2), 0).limit(), "fallback never discharges");
        assertTrue(d.chargeOnly("CS-1", 1, "tx-1"));
        assertTrue(d.records().contains(rec));
    }

    /** A guard that passes schedules unchanged and notes which it was told did not reach the EVSE. */
    static final class CountingGuard implements LimitGuard {
        final List<String> events = new ArrayList<>();

        @Override
        public EvseSchedule check(EvseTarget target, EvseSchedule schedule) {
            events.add("check " + schedule.kw()[0]);
            return schedule;
        }

        @Override
        public void notTaken(EvseTarget target) {
            events.add("not taken");
        }
    }

    @Test
    void theGuardLearnsWhatDidNotReachTheEvse() {
        ScriptedLink link = new ScriptedLink(OcppVersion.V21, DispatcherTest::accept21);
        CountingGuard guard = new CountingGuard();
        Dispatcher d = new Dispatcher(new StationCommands(link, NO_LOG, CLOCK), guard, CLOCK,
                Dispatcher.Settings.defaults());
        d.dispatch(v2xTarget(true), new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {20})).join();
        // within the deadband: not sent, so the EVSE keeps 20 kW
        d.dispatch(v2xTarget(true), new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {20.5})).join();
        // refused twice, and the charge-only fallback refused too
        link.answer = r -> CompletableFuture.completedFuture(new org.v2gcsms.ocpp.v21.SetChargingProfileResponse(
                org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType.Rejected, null, null));
        d.dispatch(v2xTarget(true), new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {-30})).join();
        assertEquals(List.of("check 20.0", "check 20.5", "not taken", "check -30.0", "not taken", "check -30.0",
                "not taken"), guard.events);
    }

    @Test
    void aTransactionTheStationNoLongerKnowsIsNotRetriedNorFallenBackFrom() {
        ScriptedLink link = new ScriptedLink(OcppVersion.V21, r -> CompletableFuture.completedFuture(
                new org.v2gcsms.ocpp.v21.SetChargingProfileResponse(
                        org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType.Rejected,
                        new org.v2gcsms.ocpp.v21.StatusInfoType("TxNotFound", null, null), null)));
        Dispatcher d = dispatcher(link);
        DispatchRecord rec = d.dispatch(v2xTarget(true),
                new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {-30, 40})).join();
        assertEquals(DispatchRecord.Outcome.FAILED, rec.outcome());
        assertTrue(rec.detail().contains("TxNotFound"), rec.detail());
        assertEquals(1, link.sent.size(), "one send: no retry, no charge-only fallback for a finished transaction");
        assertTrue(!d.chargeOnly("CS-1", 1, "tx-1"));
    }

    @Test
    void unansweredCallsAreRetriedThenFailOverToTheFallback() {
        ScriptedLink link = new ScriptedLink(OcppVersion.V21, r -> firstPeriod(r, 0).operationMode() == null
                ? accept21(r) : CompletableFuture.failedFuture(new TimeoutException("no answer in 30 s")));
        DispatchRecord rec = dispatcher(link).dispatch(v2xTarget(true),
                new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {10})).join();
        assertEquals(DispatchRecord.Outcome.FALLBACK, rec.outcome());
        assertTrue(rec.detail().contains("no answer"), rec.detail());
        assertEquals(3, link.sent.size());
    }

    @Test
    void rulesRefuseWhatAStationMustReject() {
        EvseTarget chargeOnly = new EvseTarget("CS-3", 1, "tx", OcppVersion.V21, V2X, 50, 50, 0, 400, false);
        var noSetpoint = new ChargingSchedulePeriodType(0, 1000.0, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, OperationModeEnumType.CentralSetpoint, null, null, null);
        var discharging = new ChargingSchedulePeriodType(0, 1000.0, null, null, null, null, -5000.0, null, null,
                -2000.0, null, null, null, null, null, null, null, null, OperationModeEnumType.CentralSetpoint, null,
                null, null);
        List<String> p1 = ProfileRules.problems(profile(ChargingProfilePurposeEnumType.TxProfile, noSetpoint), chargeOnly);
        assertTrue(p1.stream().anyMatch(s -> s.contains("needs a setpoint")), p1.toString());
        List<String> p2 = ProfileRules.problems(profile(ChargingProfilePurposeEnumType.TxProfile, discharging), chargeOnly);
        assertTrue(p2.stream().anyMatch(s -> s.contains("discharge")), p2.toString());
        List<String> p3 = ProfileRules.problems(profile(ChargingProfilePurposeEnumType.ChargingStationMaxProfile,
                discharging), v2xTarget(true));
        assertTrue(p3.stream().anyMatch(s -> s.contains("not allowed in ChargingStationMaxProfile")), p3.toString());
        assertFalse(ProfileRules.problems(ChargingProfiles.txProfile(v2xTarget(true),
                new EvseSchedule(T0, Duration.ofMinutes(10), new double[] {-10, 10})), v2xTarget(true)).iterator().hasNext());
    }

    static ChargingProfileType profile(ChargingProfilePurposeEnumType purpose, ChargingSchedulePeriodType period) {
        var schedule = new org.v2gcsms.ocpp.v21.ChargingScheduleType(1, null, T0, 600, ChargingRateUnitEnumType.W,
                null, null, null, null, null, List.of(period), null, null, null, null, null);
        return new ChargingProfileType(1, 1, purpose, org.v2gcsms.ocpp.v21.ChargingProfileKindEnumType.Absolute, null,
                null, null, "tx", null, List.of(schedule), null, null, null, null, null);
    }
}
