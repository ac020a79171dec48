package org.v2gcsms.control.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.ChargingProfilePurposeEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileStatusEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileType;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.GetCompositeScheduleRequest;
import org.v2gcsms.ocpp.v21.GetCompositeScheduleResponse;
import org.v2gcsms.ocpp.v21.SetChargingProfileRequest;
import org.v2gcsms.ocpp.v21.SetChargingProfileResponse;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.commands.StationOfflineException;

/**
 * Turns an EVSE's planned schedule into a charging profile and sends it: through the {@link LimitGuard}, then
 * only if it differs from what the station already has by more than the deadband, validated by
 * {@link ProfileRules}, retried when rejected or unanswered, and replaced by a charge-only profile when the
 * bidirectional one cannot be placed. A transaction that needed the fallback stays charge-only.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int KEPT_RECORDS = 2_000;

    /** @param deadbandKw smallest change worth a new profile; @param attempts sends of one profile before falling back */
    public record Settings(double deadbandKw, int attempts) {
        public static Settings defaults() {
            return new Settings(1.0, 2);
        }
    }

    private final StationCommands commands;
    private final LimitGuard guard;
    private final Clock clock;
    private final Settings settings;
    private final Map<String, EvseSchedule> sent = new ConcurrentHashMap<>();
    private final Set<String> chargeOnly = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<DispatchRecord> records = new ArrayDeque<>();

    public Dispatcher(StationCommands commands, LimitGuard guard, Clock clock, Settings settings) {
        this.commands = commands;
        this.guard = guard;
        this.clock = clock;
        this.settings = settings;
    }

    /** Sends the schedule (or not, within the deadband); the future never fails: the outcome says what happened. */
    public CompletableFuture<DispatchRecord> dispatch(EvseTarget target, EvseSchedule planned) {
        return dispatch(target, planned, false);
    }

    /**
     * As {@link #dispatch(EvseTarget, EvseSchedule)}; with {@code renew} the profile is sent even within the
     * deadband: the EV renegotiated (ISO 15118 waits for a new profile), its schedule broke the last one, or the
     * guard's bounds changed (loss of mains).
     */
    public CompletableFuture<DispatchRecord> dispatch(EvseTarget target, EvseSchedule planned, boolean renew) {
        boolean forcedChargeOnly = chargeOnly.contains(txKey(target));
        EvseTarget effective = forcedChargeOnly ? withoutDischarge(target) : target;
        EvseSchedule schedule = guard.check(effective, planned);
        EvseSchedule last = sent.get(target.key());
        if (!renew && last != null && schedule.closeTo(last, settings.deadbandKw())) {
            guard.notTaken(target); // the station keeps the last schedule, not this one
            return CompletableFuture.completedFuture(record(target, DispatchRecord.Outcome.UNCHANGED, ""));
        }
        ChargingProfileType profile = ChargingProfiles.txProfile(effective, schedule);
        List<String> problems = ProfileRules.problems(profile, effective);
        if (!problems.isEmpty()) {
            log.error("Dispatcher: not sending an invalid profile to {}: {}", target.key(), problems);
            return fallback(target, schedule, "invalid profile: " + String.join("; ", problems));
        }
        return send(target, profile, settings.attempts()).thenCompose(failure -> {
            if (failure.isEmpty()) {
                sent.put(target.key(), schedule);
                return CompletableFuture.completedFuture(record(target, DispatchRecord.Outcome.SENT,
                        effective.v2x() ? "CentralSetpoint" : "charge limit"));
            }
            guard.notTaken(target);
            if (failure.get() instanceof Offline) {
                return CompletableFuture.completedFuture(record(target, DispatchRecord.Outcome.FAILED, "offline"));
            }
            if (failure.get() instanceof TransactionOver over) {
                // Not a refusal of the profile: nothing to fall back from, the session is over.
                log.info("Dispatcher: {} transaction {} is over at the station; profile dropped", target.key(),
                        target.transactionId());
                return CompletableFuture.completedFuture(record(target, DispatchRecord.Outcome.FAILED, over.reason()));
            }
            return fallback(target, schedule, failure.get().reason());
        });
    }

    private CompletableFuture<DispatchRecord> fallback(EvseTarget target, EvseSchedule schedule, String why) {
        chargeOnly.add(txKey(target));
        EvseTarget safe = withoutDischarge(target);
        EvseSchedule charge = guard.check(safe, schedule);
        ChargingProfileType profile = ChargingProfiles.chargeOnlyFallback(safe, charge);
        return send(target, profile, 1).thenApply(failure -> {
            if (failure.isEmpty()) {
                sent.put(target.key(), new EvseSchedule(charge.start(), charge.step(),
                        new double[] {Math.max(0, charge.kw().length == 0 ? 0 : charge.kw()[0])}));
                log.warn("Dispatcher: {} fell back to charge-only ({})", target.key(), why);
                return record(target, DispatchRecord.Outcome.FALLBACK, why);
            }
            guard.notTaken(target);
            log.error("Dispatcher: {} accepted nothing ({}; fallback: {})", target.key(), why, failure.get().reason());
            return record(target, DispatchRecord.Outcome.FAILED, why + "; fallback: " + failure.get().reason());
        });
    }

    /** Why a send failed; empty Optional = accepted. */
    private sealed interface Failure permits Offline, Refused, TransactionOver {
        String reason();
    }

    private record Offline(String reason) implements Failure {}

    private record Refused(String reason) implements Failure {}

    /** The station no longer knows the transaction (TxNotFound): it ended while the profile was on its way. */
    private record TransactionOver(String reason) implements Failure {}

    private CompletableFuture<Optional<Failure>> send(EvseTarget target, ChargingProfileType profile, int attempts) {
        SetChargingProfileRequest request = new SetChargingProfileRequest(target.evseId(), profile, null);
        return commands.send(target.stationId(), request, SetChargingProfileResponse.class)
                .handle((response, error) -> {
                    if (error == null) {
                        if (response.status() == ChargingProfileStatusEnumType.Accepted) {
                            return Optional.<Failure>empty();
                        }
                        String code = response.statusInfo() == null ? null : response.statusInfo().reasonCode();
                        return Optional.<Failure>of("TxNotFound".equalsIgnoreCase(code)
                                ? new TransactionOver("Rejected (TxNotFound)")
                                : new Refused("Rejected" + (code == null ? "" : " (" + code + ")")));
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    return Optional.<Failure>of(cause instanceof StationOfflineException
                            ? new Offline(cause.toString()) : new Refused(cause.toString()));
                })
                .thenCompose(outcome -> outcome.isPresent() && outcome.get() instanceof Refused && attempts > 1
                        ? send(target, profile, attempts - 1) : CompletableFuture.completedFuture(outcome));
    }

    /**
     * Site limits for a station with no active plan: a ChargingStationMaxProfile capping the whole station and
     * a TxDefaultProfile for new transactions, both charge only.
     */
    public CompletableFuture<DispatchRecord> siteLimits(EvseTarget station, double stationKw) {
        var now = clock.instant();
        ChargingProfileType max = ChargingProfiles.siteProfile(station,
                ChargingProfilePurposeEnumType.ChargingStationMaxProfile, stationKw, now);
        ChargingProfileType txDefault = ChargingProfiles.siteProfile(station,
                ChargingProfilePurposeEnumType.TxDefaultProfile, stationKw, now);
        for (ChargingProfileType p : List.of(max, txDefault)) {
            List<String> problems = ProfileRules.problems(p, station);
            if (!problems.isEmpty()) {
                return CompletableFuture.completedFuture(record(station, DispatchRecord.Outcome.FAILED,
                        "invalid site profile: " + problems));
            }
        }
        return send(station, max, settings.attempts())
                .thenCompose(f -> f.isPresent() ? CompletableFuture.completedFuture(f)
                        : send(station, txDefault, settings.attempts()))
                .thenApply(f -> record(station, f.isEmpty() ? DispatchRecord.Outcome.SENT : DispatchRecord.Outcome.FAILED,
                        f.map(Failure::reason).orElse("site limit " + stationKw + " kW")));
    }

    /** Reads back what the station will actually do (GetCompositeSchedule), in W. */
    public CompletableFuture<GetCompositeScheduleResponse> compositeSchedule(String stationId, int evseId,
                                                                             Duration duration) {
        return commands.send(stationId, new GetCompositeScheduleRequest((int) duration.toSeconds(),
                ChargingRateUnitEnumType.W, evseId, null), GetCompositeScheduleResponse.class);
    }

    /** The schedule the EVSE last accepted, as guarded and sent. */
    public Optional<EvseSchedule> lastSent(String evseKey) {
        return Optional.ofNullable(sent.get(evseKey));
    }

    /** Forgets an EVSE's state when its transaction ends. */
    public void ended(String stationId, int evseId, String transactionId) {
        sent.remove(stationId + "/" + evseId);
        chargeOnly.remove(stationId + "/" + evseId + "/" + transactionId);
    }

    /** True when this transaction fell back to charge-only: the planner must not plan discharge for it. */
    public boolean chargeOnly(String stationId, int evseId, String transactionId) {
        return chargeOnly.contains(stationId + "/" + evseId + "/" + transactionId);
    }

    public List<DispatchRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    private DispatchRecord record(EvseTarget target, DispatchRecord.Outcome outcome, String detail) {
        DispatchRecord r = new DispatchRecord(clock.instant(), target.key(), target.transactionId(), outcome, detail);
        synchronized (records) {
            records.addLast(r);
            while (records.size() > KEPT_RECORDS) {
                records.removeFirst();
            }
        }
        return r;
    }

    private static String txKey(EvseTarget t) {
        return t.key() + "/" + t.transactionId();
    }

    private static EvseTarget withoutDischarge(EvseTarget t) {
        return new EvseTarget(t.stationId(), t.evseId(), t.transactionId(), t.version(), t.capabilities(), t.chargeKw(),
                t.dischargeKw(), t.phases(), t.voltageV(), false);
    }
}
