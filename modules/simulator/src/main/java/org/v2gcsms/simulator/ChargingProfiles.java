package org.v2gcsms.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.v2gcsms.ocpp.v21.ChargingProfileKindEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfilePurposeEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileType;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.ChargingScheduleType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;
import org.v2gcsms.ocpp.v21.RecurrencyKindEnumType;

/**
 * The charging profiles installed on one station and the composite schedule they make (OCPP 2.x K01/K08):
 * per purpose the highest stack level whose schedule covers the instant wins; a TxProfile of the running
 * transaction beats any TxDefaultProfile, an EVSE's own TxDefaultProfile beats the station-wide one, and the
 * ChargingStationMaxProfile caps the result (shared equally by the EVSEs that are charging). 2.1 periods may
 * set operationMode ChargingOnly, CentralSetpoint (setpoint within dischargeLimit..limit) or Idle.
 * Amps become watts at {@link #VOLTS} per phase. Not thread-safe: owned by the station's serial context.
 */
final class ChargingProfiles {
    static final double VOLTS = 230;
    static final int DEFAULT_PHASES = 3;
    static final int MAX_PERIODS = 24;
    static final int MAX_STACK_LEVEL = 8;
    static final int MAX_ENTRIES = 32;
    private static final Set<OperationModeEnumType> MODES = Set.of(OperationModeEnumType.ChargingOnly,
            OperationModeEnumType.CentralSetpoint, OperationModeEnumType.Idle);

    /** An installed profile: where it applies and when it arrived (the start of a schedule without one). */
    record Installed(int evseId, ChargingProfileType profile, Instant receivedAt) {
        ChargingProfilePurposeEnumType purpose() {
            return profile.chargingProfilePurpose();
        }

        ChargingScheduleType schedule() {
            return profile.chargingSchedule().getFirst();
        }
    }

    /** The transaction running on an EVSE: TxProfiles bind to it, Relative schedules start with it. */
    record Transaction(String id, Instant started) {}

    private final List<Installed> installed = new ArrayList<>();

    List<Installed> all() {
        return List.copyOf(installed);
    }

    /**
     * Installs a profile, or says why a station would refuse it.
     *
     * @param transaction the transaction on {@code evseId}, if any
     * @param dischargeAllowed whether this EVSE may be asked to discharge (V2X on, 2.1)
     */
    Optional<String> install(int evseId, ChargingProfileType p, Optional<Transaction> transaction, int evseCount,
                             boolean dischargeAllowed, Instant now) {
        Optional<String> refusal = refusal(evseId, p, transaction, evseCount, dischargeAllowed);
        if (refusal.isPresent()) {
            return refusal;
        }
        installed.removeIf(i -> i.profile().id().equals(p.id()));
        boolean clash = installed.stream().anyMatch(i -> i.evseId() == evseId && i.purpose() == p.chargingProfilePurpose()
                && i.profile().stackLevel().equals(p.stackLevel())
                && java.util.Objects.equals(i.profile().transactionId(), p.transactionId()));
        if (clash) {
            return Optional.of("DuplicateProfile"); // K01.FR.39: same purpose and stack level under another id
        }
        if (installed.size() >= MAX_ENTRIES) {
            return Optional.of("TooManyProfiles");
        }
        installed.add(new Installed(evseId, p, now));
        return Optional.empty();
    }

    private static Optional<String> refusal(int evseId, ChargingProfileType p, Optional<Transaction> transaction,
                                            int evseCount, boolean dischargeAllowed) {
        if (evseId < 0 || evseId > evseCount) {
            return Optional.of("UnknownEvse");
        }
        ChargingProfilePurposeEnumType purpose = p.chargingProfilePurpose();
        switch (purpose) {
            case ChargingStationMaxProfile -> {
                if (evseId != 0) {
                    return Optional.of("InvalidEvse");
                }
            }
            case TxProfile -> {
                if (evseId == 0 || p.transactionId() == null || transaction.isEmpty()
                        || !transaction.get().id().equals(p.transactionId())) {
                    return Optional.of("TxNotFound");
                }
            }
            case TxDefaultProfile -> { }
            default -> {
                return Optional.of("UnsupportedPurpose");
            }
        }
        if (p.stackLevel() > MAX_STACK_LEVEL) {
            return Optional.of("InvalidStackLevel");
        }
        if (p.chargingProfileKind() == ChargingProfileKindEnumType.Dynamic) {
            return Optional.of("UnsupportedKind");
        }
        if (p.chargingProfileKind() == ChargingProfileKindEnumType.Recurring
                && (p.recurrencyKind() == null || p.chargingSchedule().getFirst().startSchedule() == null)) {
            return Optional.of("InvalidSchedule");
        }
        List<ChargingSchedulePeriodType> periods = p.chargingSchedule().getFirst().chargingSchedulePeriod();
        if (periods.size() > MAX_PERIODS) {
            return Optional.of("TooManyPeriods");
        }
        if (periods.getFirst().startPeriod() != 0) {
            return Optional.of("InvalidSchedule");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).startPeriod() <= periods.get(i - 1).startPeriod()) {
                return Optional.of("InvalidSchedule");
            }
        }
        for (ChargingSchedulePeriodType period : periods) {
            OperationModeEnumType mode = mode(period);
            if (!MODES.contains(mode)) {
                return Optional.of("UnsupportedOperationMode");
            }
            if (mode == OperationModeEnumType.CentralSetpoint && period.setpoint() == null) {
                return Optional.of("InvalidSchedule");
            }
            boolean asksDischarge = mode == OperationModeEnumType.CentralSetpoint && period.setpoint() < 0;
            if (asksDischarge && !dischargeAllowed) {
                return Optional.of("NoDischarge");
            }
        }
        return Optional.empty();
    }

    /** Removes what ClearChargingProfile selects; returns how many went. */
    int clear(Predicate<Installed> selected) {
        int before = installed.size();
        installed.removeIf(selected);
        return before - installed.size();
    }

    /** A transaction ended: its TxProfiles go with it. */
    void transactionEnded(String transactionId) {
        installed.removeIf(i -> i.purpose() == ChargingProfilePurposeEnumType.TxProfile
                && transactionId.equals(i.profile().transactionId()));
    }

    /**
     * What the profiles allow on {@code evseId} at {@code t}.
     *
     * @param sharing how many EVSEs share the station maximum at the moment (at least 1)
     */
    PowerWindow windowAt(int evseId, Optional<Transaction> tx, Instant t, int sharing) {
        PowerWindow window = txLevel(evseId, tx, t).map(p -> window(p, t, tx)).orElse(PowerWindow.CHARGE_FREELY);
        Optional<Installed> max = winner(t, tx, i -> i.purpose() == ChargingProfilePurposeEnumType.ChargingStationMaxProfile);
        if (max.isPresent()) {
            ChargingSchedulePeriodType period = activePeriod(max.get(), t, tx).orElseThrow();
            double share = Math.max(1, sharing);
            double dischargeCap = period.dischargeLimit() == null ? Double.POSITIVE_INFINITY
                    : -watts(max.get().schedule(), period, period.dischargeLimit());
            double chargeCap = period.limit() == null ? Double.POSITIVE_INFINITY
                    : watts(max.get().schedule(), period, period.limit());
            window = window.capped(chargeCap / share, dischargeCap / share);
        }
        return window;
    }

    /** The next instant after {@code t} at which {@link #windowAt} may change, or null if none. */
    Instant nextChangeAfter(int evseId, Optional<Transaction> tx, Instant t) {
        Instant next = null;
        for (Installed i : installed) {
            if (i.evseId() != 0 && i.evseId() != evseId) {
                continue;
            }
            for (Instant c : boundaries(i, t, tx)) {
                if (c.isAfter(t) && (next == null || c.isBefore(next))) {
                    next = c;
                }
            }
        }
        return next;
    }

    private Optional<Installed> txLevel(int evseId, Optional<Transaction> tx, Instant t) {
        if (tx.isPresent()) {
            Optional<Installed> txProfile = winner(t, tx, i -> i.evseId() == evseId
                    && i.purpose() == ChargingProfilePurposeEnumType.TxProfile
                    && tx.get().id().equals(i.profile().transactionId()));
            if (txProfile.isPresent()) {
                return txProfile;
            }
        }
        Optional<Installed> own = winner(t, tx, i -> i.evseId() == evseId
                && i.purpose() == ChargingProfilePurposeEnumType.TxDefaultProfile);
        return own.isPresent() ? own : winner(t, tx, i -> i.evseId() == 0
                && i.purpose() == ChargingProfilePurposeEnumType.TxDefaultProfile);
    }

    private Optional<Installed> winner(Instant t, Optional<Transaction> tx, Predicate<Installed> which) {
        return installed.stream().filter(which).filter(i -> activePeriod(i, t, tx).isPresent())
                .max(Comparator.comparingInt(i -> i.profile().stackLevel()));
    }

    private static PowerWindow window(Installed i, Instant t, Optional<Transaction> tx) {
        ChargingSchedulePeriodType period = activePeriod(i, t, tx).orElseThrow();
        ChargingScheduleType schedule = i.schedule();
        double limit = period.limit() == null ? Double.POSITIVE_INFINITY : watts(schedule, period, period.limit());
        return switch (mode(period)) {
            case Idle -> new PowerWindow(0, 0, 0.0);
            case CentralSetpoint -> new PowerWindow(limit,
                    period.dischargeLimit() == null ? Double.POSITIVE_INFINITY : -watts(schedule, period, period.dischargeLimit()),
                    watts(schedule, period, period.setpoint()));
            default -> new PowerWindow(limit, 0, null);
        };
    }

    static OperationModeEnumType mode(ChargingSchedulePeriodType period) {
        return period.operationMode() == null ? OperationModeEnumType.ChargingOnly : period.operationMode();
    }

    static double watts(ChargingScheduleType schedule, ChargingSchedulePeriodType period, double value) {
        if (schedule.chargingRateUnit() == ChargingRateUnitEnumType.W) {
            return value;
        }
        return value * VOLTS * (period.numberPhases() == null ? DEFAULT_PHASES : period.numberPhases());
    }

    /** The period of this profile in force at {@code t}, if the profile is in force at all. */
    static Optional<ChargingSchedulePeriodType> activePeriod(Installed i, Instant t, Optional<Transaction> tx) {
        ChargingProfileType p = i.profile();
        if ((p.validFrom() != null && t.isBefore(p.validFrom())) || (p.validTo() != null && !t.isBefore(p.validTo()))) {
            return Optional.empty();
        }
        Instant start = scheduleStart(i, t, tx);
        if (start == null || t.isBefore(start)) {
            return Optional.empty();
        }
        long elapsed = Duration.between(start, t).toMillis();
        Integer duration = i.schedule().duration();
        if (duration != null && elapsed >= duration * 1000L) {
            return Optional.empty();
        }
        ChargingSchedulePeriodType found = null;
        for (ChargingSchedulePeriodType period : i.schedule().chargingSchedulePeriod()) {
            if (period.startPeriod() * 1000L <= elapsed) {
                found = period;
            }
        }
        return Optional.ofNullable(found);
    }

    /** When the schedule (or its current recurrence) started, as seen at {@code t}; null if it has none yet. */
    private static Instant scheduleStart(Installed i, Instant t, Optional<Transaction> tx) {
        ChargingProfileType p = i.profile();
        Instant declared = i.schedule().startSchedule();
        return switch (p.chargingProfileKind()) {
            case Absolute -> declared != null ? declared : i.receivedAt();
            case Relative -> p.chargingProfilePurpose() == ChargingProfilePurposeEnumType.ChargingStationMaxProfile
                    ? i.receivedAt() : tx.map(Transaction::started).orElse(null);
            case Recurring -> {
                long cycle = p.recurrencyKind() == RecurrencyKindEnumType.Weekly ? 7 * 86_400_000L : 86_400_000L;
                if (t.isBefore(declared)) {
                    yield declared;
                }
                long cycles = Duration.between(declared, t).toMillis() / cycle;
                yield declared.plusMillis(cycles * cycle);
            }
            default -> null;
        };
    }

    private static List<Instant> boundaries(Installed i, Instant t, Optional<Transaction> tx) {
        List<Instant> out = new ArrayList<>();
        ChargingProfileType p = i.profile();
        if (p.validFrom() != null) {
            out.add(p.validFrom());
        }
        if (p.validTo() != null) {
            out.add(p.validTo());
        }
        Instant start = scheduleStart(i, t, tx);
        if (start == null) {
            return out;
        }
        out.add(start);
        for (ChargingSchedulePeriodType period : i.schedule().chargingSchedulePeriod()) {
            out.add(start.plusSeconds(period.startPeriod()));
        }
        if (i.schedule().duration() != null) {
            out.add(start.plusSeconds(i.schedule().duration()));
        }
        if (p.chargingProfileKind() == ChargingProfileKindEnumType.Recurring) {
            long cycle = p.recurrencyKind() == RecurrencyKindEnumType.Weekly ? 7 * 86_400L : 86_400L;
            out.add(start.plusSeconds(cycle));
        }
        return out;
    }
}
