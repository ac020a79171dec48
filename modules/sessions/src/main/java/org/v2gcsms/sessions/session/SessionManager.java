package org.v2gcsms.sessions.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.GenericStatusEnumType;
import org.v2gcsms.ocpp.v21.MeterValuesRequest;
import org.v2gcsms.ocpp.v21.MeterValuesResponse;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsRequest;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsResponse;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsStatusEnumType;
import org.v2gcsms.ocpp.v21.NotifyEVChargingScheduleRequest;
import org.v2gcsms.ocpp.v21.NotifyEVChargingScheduleResponse;
import org.v2gcsms.ocpp.v21.StatusInfoType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TransactionEventResponse;
import org.v2gcsms.ocpp.v21.TransactionLimitType;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.events.DomainEvents;
import org.v2gcsms.sessions.transactions.MeterSample;
import org.v2gcsms.sessions.transactions.MeterSamples;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionEvent;
import org.v2gcsms.sessions.transactions.TransactionRepository;
import org.v2gcsms.sessions.transactions.TransactionService;
import org.v2gcsms.sessions.transactions.TransactionState;

/**
 * Every EV session, from plug-in to the end of its transaction: kept from TransactionEvent, MeterValues and
 * NotifyEVChargingNeeds, stored before the station is answered, and published as {@link SessionEvent}s.
 * Active sessions are also held in memory (loaded from the store by {@link #load()}), so the control module's
 * queries and the limit checks ({@link SessionLimitWatch}) never wait for the database. Each session changes
 * under its own lock, so a station's events and the limit checks never overwrite each other.
 */
public final class SessionManager {
    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);

    /** How the CSMS answers an EV's needs; the control module replaces the default when it plans. */
    @FunctionalInterface
    public interface ChargingNeedsAnswer {
        NotifyEVChargingNeedsStatusEnumType answer(StationContext ctx, Session session);
    }

    /** Without a planner no schedule will come: 2.1 says so (NoChargingProfile), 2.0.1 can only say Rejected. */
    public static final ChargingNeedsAnswer NO_SCHEDULE = (ctx, session) -> ctx.version() == OcppVersion.V21
            ? NotifyEVChargingNeedsStatusEnumType.NoChargingProfile : NotifyEVChargingNeedsStatusEnumType.Rejected;

    /** One active session and the lock its changes are made under. */
    static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile Session session;
        /** The schedule the EV last reported; kept in memory only while the session runs. */
        volatile EvChargingSchedule evSchedule;

        Slot(Session session) {
            this.session = session;
        }
    }

    private final SessionRepository sessions;
    private final TransactionService transactions;
    private final TransactionRepository transactionStore;
    private final DomainEvents events;
    private final Clock clock;
    private volatile SessionSettings settings;
    private volatile ChargingNeedsAnswer needsAnswer = NO_SCHEDULE;
    private final Map<SessionKey, Slot> active = new ConcurrentHashMap<>();
    private final Map<String, Set<SessionKey>> byStation = new ConcurrentHashMap<>();
    /** Needs reported at an EVSE before its transaction started, by "station/evse". */
    private final Map<String, EvNeeds> needsBeforeStart = new ConcurrentHashMap<>();
    /** The connection each connected station is on. */
    private final Map<String, Long> connections = new ConcurrentHashMap<>();
    private final AtomicLong illegalTransitions = new AtomicLong();
    private volatile Runnable onStationOnline = () -> { };

    public SessionManager(SessionRepository sessions, TransactionService transactions,
                          TransactionRepository transactionStore, DomainEvents events, SessionSettings settings,
                          Clock clock) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.transactionStore = transactionStore;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Loads the active sessions from the store (at start-up, before stations are served). */
    public int load() {
        for (Session s : sessions.active()) {
            active.put(s.key(), new Slot(s));
            byStation.computeIfAbsent(s.stationId(), k -> ConcurrentHashMap.newKeySet()).add(s.key());
        }
        log.info("{} active sessions loaded", active.size());
        return active.size();
    }

    // ---- station messages ---------------------------------------------------------------------------------

    /**
     * TransactionEvent: stored as a transaction event, folded into its session, answered (with the cost where a
     * tariff applies; 2.1: with the limit).
     */
    public TransactionEventResponse transactionEvent(StationContext ctx, TransactionEventRequest r) {
        TransactionEvent e = TransactionService.eventOf(ctx.stationId(), r, clock.instant());
        TransactionRepository.Recorded recorded = transactions.record(e);
        Transaction t = recorded.transaction();
        TransactionEventResponse answer = transactions.answer(r, t);
        if (t == null) {
            return answer;
        }
        SessionKey key = new SessionKey(t.stationId(), t.transactionId());
        Session s = recorded.duplicate() ? find(key).orElse(null) : apply(key, e, t);
        return ctx.version() == OcppVersion.V21 ? withLimit(answer, s, t) : answer;
    }

    /** MeterValues: stored with the transactions; SoC, power and battery readings go to the EVSE's session. */
    public MeterValuesResponse meterValues(StationContext ctx, MeterValuesRequest r) {
        MeterValuesResponse answer = transactions.meterValues(ctx, r);
        List<MeterSample> samples = MeterSamples.of(r.meterValue());
        Readings readings = Readings.of(samples);
        atEvse(ctx.stationId(), r.evseId()).ifPresent(slot -> change(slot, s -> {
            Session.Builder b = s.toBuilder();
            SessionFold.readings(b, readings);
            return b.build();
        }));
        return answer;
    }

    /** NotifyEVChargingNeeds: kept with the EVSE's session (or until its transaction starts). */
    public NotifyEVChargingNeedsResponse chargingNeeds(StationContext ctx, NotifyEVChargingNeedsRequest r) {
        Instant at = r.timestamp() != null ? r.timestamp() : clock.instant();
        EvNeeds needs = EvNeeds.of(r.chargingNeeds(), at);
        Optional<Slot> slot = atEvse(ctx.stationId(), r.evseId());
        if (slot.isEmpty()) {
            needsBeforeStart.put(ctx.stationId() + "/" + r.evseId(), needs);
            return new NotifyEVChargingNeedsResponse(needsAnswer.answer(ctx, null));
        }
        Session s = change(slot.get(), current -> withNeeds(current, needs));
        return new NotifyEVChargingNeedsResponse(needsAnswer.answer(ctx, s));
    }

    /**
     * NotifyEVChargingSchedule: the EV's chosen schedule is kept with the EVSE's session, logged and published
     * (the control module checks it against the limits it sent). Rejected when no transaction runs at the EVSE.
     */
    public NotifyEVChargingScheduleResponse chargingSchedule(StationContext ctx, NotifyEVChargingScheduleRequest r) {
        EvChargingSchedule schedule = EvChargingSchedule.of(r, clock.instant());
        Optional<Slot> slot = atEvse(ctx.stationId(), r.evseId());
        if (slot.isEmpty()) {
            log.warn("Station {}: EV charging schedule for EVSE {} without a transaction there: rejected ({})",
                    ctx.stationId(), r.evseId(), schedule);
            return new NotifyEVChargingScheduleResponse(GenericStatusEnumType.Rejected,
                    new StatusInfoType("NoTransaction", "no transaction at EVSE " + r.evseId(), null), null);
        }
        Session s = slot.get().session;
        slot.get().evSchedule = schedule;
        log.info("Session {}: EV charging schedule {}", s.key(), schedule);
        events.publish(new SessionEvent.EvScheduleReported(s.stationId(), s.transactionId(), s.evseId(), schedule,
                clock.instant()));
        return new NotifyEVChargingScheduleResponse(GenericStatusEnumType.Accepted);
    }

    /** A station's connection opened. */
    public void connected(StationContext ctx) {
        connections.put(ctx.stationId(), ctx.connectionId());
        events.publish(new SessionEvent.StationOnline(ctx.stationId(), activeAt(ctx.stationId()).size(),
                clock.instant()));
        onStationOnline.run();
    }

    /** A station's connection closed; a connection replaced by a newer one leaves the station online. */
    public void disconnected(StationContext ctx) {
        if (connections.remove(ctx.stationId(), ctx.connectionId())) {
            events.publish(new SessionEvent.StationOffline(ctx.stationId(), activeAt(ctx.stationId()).size(),
                    clock.instant()));
        }
    }

    public boolean online(String stationId) {
        return connections.containsKey(stationId);
    }

    // ---- queries ------------------------------------------------------------------------------------------

    /** Every active session, by plug-in time. */
    public List<Session> active() {
        return sorted(active.values().stream().map(s -> s.session).filter(Objects::nonNull).toList());
    }

    /** The charging schedule the EV of this running session last reported (NotifyEVChargingSchedule). */
    public Optional<EvChargingSchedule> evSchedule(SessionKey key) {
        Slot slot = active.get(key);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.evSchedule);
    }

    /** Active sessions at one station. */
    public List<Session> activeAt(String stationId) {
        Set<SessionKey> keys = byStation.getOrDefault(stationId, Set.of());
        List<Session> out = new ArrayList<>(keys.size());
        for (SessionKey k : keys) {
            Slot slot = active.get(k);
            if (slot != null) {
                out.add(slot.session);
            }
        }
        return sorted(out);
    }

    /** Active sessions at the stations of a site (see {@link SessionLimits#site}). */
    public List<Session> activeAtSite(String siteId) {
        SessionLimits limits = settings.limits();
        return active().stream().filter(s -> limits.site(s.stationId()).filter(siteId::equals).isPresent()).toList();
    }

    /** The session, running or ended. */
    public Optional<Session> find(SessionKey key) {
        Slot slot = active.get(key);
        return slot != null ? Optional.of(slot.session) : sessions.find(key);
    }

    /**
     * Sessions matching the filter, newest plug-in first; a site filter means its stations, as the site lists
     * them (ids or prefixes). A station two sites list belongs to the first (by site id), as everywhere else.
     */
    public List<Session> history(SessionFilter filter) {
        if (filter.siteId() == null) {
            return sessions.history(filter);
        }
        SessionLimits limits = settings.limits();
        List<String> listed = limits.stationsOf(filter.siteId());
        Set<String> stations = filter.stationIds().isEmpty() ? Set.copyOf(listed) : filter.stationIds().stream()
                .filter(id -> SessionLimits.listed(listed, id)).collect(java.util.stream.Collectors.toSet());
        if (stations.isEmpty()) {
            return List.of();
        }
        return sessions.history(filter.atSite(null).atStations(stations)).stream()
                .filter(s -> limits.site(s.stationId()).filter(filter.siteId()::equals).isPresent()).toList();
    }

    /** SoC, power and energy in and out over the session, by time, from the stored meter samples. */
    public List<TimelinePoint> timeline(SessionKey key) {
        return Timeline.of(transactionStore.samples(key.stationId(), key.transactionId(), null));
    }

    /** Events that asked for a state move the state machine does not allow, since start. */
    public long illegalTransitions() {
        return illegalTransitions.get();
    }

    public SessionSettings settings() {
        return settings;
    }

    // ---- changes from the API and control -----------------------------------------------------------------

    /** Sets the target SoC (percent) of a running session; the EV's energy still needed follows. */
    public Optional<Session> setTargetSoc(SessionKey key, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("target SoC must be within (0, 100], was " + percent);
        }
        Slot slot = active.get(key);
        if (slot == null) {
            return Optional.empty();
        }
        Session s = change(slot, current -> current.toBuilder().targetSoc(percent).build());
        publishNeeds(s);
        return Optional.of(s);
    }

    /** Replaces the limits; sessions that started before keep the limit they started with. */
    public void setLimits(SessionLimits limits) {
        settings = settings.withLimits(Objects.requireNonNull(limits));
    }

    public void answerChargingNeedsWith(ChargingNeedsAnswer answer) {
        needsAnswer = Objects.requireNonNull(answer);
    }

    /**
     * Ends sessions whose transaction the stale-transaction policy closed (the station never sent its Ended).
     * Only sessions silent for the policy's whole silence are looked up.
     */
    public int closeStale(Duration maxSilence) {
        Instant cutoff = clock.instant().minus(maxSilence);
        int closed = 0;
        for (Slot slot : List.copyOf(active.values())) {
            Session s = slot.session;
            if (s.updatedAt() != null && s.updatedAt().isAfter(cutoff)) {
                continue;
            }
            Optional<Transaction> t = transactionStore.find(s.stationId(), s.transactionId());
            if (t.isPresent() && t.get().state() == TransactionState.CLOSED_BY_CSMS) {
                change(slot, current -> current.toBuilder().ended(EndReason.CLOSED_BY_CSMS, null,
                        t.get().endedAt() != null ? t.get().endedAt() : clock.instant()).build());
                closed++;
            }
        }
        return closed;
    }

    // ---- for the limit watch ------------------------------------------------------------------------------

    Iterable<Slot> slots() {
        return active.values();
    }

    List<Slot> slotsAt(String stationId) {
        return byStation.getOrDefault(stationId, Set.of()).stream().map(active::get).filter(Objects::nonNull)
                .toList();
    }

    Clock clock() {
        return clock;
    }

    DomainEvents events() {
        return events;
    }

    void onStationOnline(Runnable r) {
        onStationOnline = r;
    }

    /**
     * Changes a session under its lock and stores it before anyone sees the change; publishes what changed.
     * Returns the session after the change.
     */
    Session change(Slot slot, UnaryOperator<Session> change) {
        Session before;
        Session after;
        slot.lock.lock();
        try {
            before = slot.session;
            after = change.apply(before).toBuilder().updatedAt(clock.instant()).build();
            sessions.save(after);
            slot.session = after;
            if (after.active()) {
                byStation.computeIfAbsent(after.stationId(), k -> ConcurrentHashMap.newKeySet()).add(after.key());
            } else {
                forget(after.key(), slot);
            }
        } finally {
            slot.lock.unlock();
        }
        if (after.illegalTransitions() > (before == null ? 0 : before.illegalTransitions())) {
            illegalTransitions.incrementAndGet();
            log.warn("Session {}: an event (last seqNo {}) asked for an illegal move from {}; ignored", after.key(),
                    after.lastSeqNo(), after.state());
        }
        publishChanges(before, after);
        return after;
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private Session apply(SessionKey key, TransactionEvent e, Transaction t) {
        Slot slot = active.get(key);
        if (slot == null) {
            Optional<Session> stored = sessions.find(key);
            // A late event of an ended session still adds its readings; the state stays ENDED.
            slot = stored.isPresent() && !stored.get().active() ? new Slot(stored.get())
                    : active.computeIfAbsent(key, k -> new Slot(stored.orElse(null)));
        }
        return change(slot, before -> {
            SessionSettings now = settings;
            Duration limit = now.limits().limitFor(key.stationId()).duration().orElse(null);
            Session folded = SessionFold.apply(before, e, t, now.defaultTargetSoc(), limit);
            EvNeeds early = before != null || folded.evseId() == null ? null
                    : needsBeforeStart.remove(key.stationId() + "/" + folded.evseId());
            return early == null ? folded : withNeeds(folded, early);
        });
    }

    private void forget(SessionKey key, Slot slot) {
        active.remove(key, slot);
        Set<SessionKey> keys = byStation.get(key.stationId());
        if (keys != null) {
            keys.remove(key);
        }
    }

    private Optional<Slot> atEvse(String stationId, Integer evseId) {
        if (evseId == null) {
            return Optional.empty();
        }
        return slotsAt(stationId).stream().filter(s -> evseId.equals(s.session.evseId()))
                .max(Comparator.comparing(s -> s.session.pluggedInAt(), Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static Session withNeeds(Session s, EvNeeds needs) {
        Session.Builder b = s.toBuilder().needs(needs, s.netWh());
        if (needs.evEnergyCapacityWh() != null) {
            b.battery(s.batteryVoltageV(), s.batteryCurrentA(), needs.evEnergyCapacityWh());
        }
        if (needs.evSoc() != null && (s.socAt() == null || !needs.receivedAt().isBefore(s.socAt()))) {
            b.soc(s.socAtArrival() != null ? s.socAtArrival() : needs.evSoc(),
                    s.socAtArrivalAt() != null ? s.socAtArrivalAt() : needs.receivedAt(), needs.evSoc(),
                    needs.receivedAt());
        }
        return b.build();
    }

    /** 2.1: the limit as the transaction's maxTime, counted from the transaction's start. Never relied on. */
    private static TransactionEventResponse withLimit(TransactionEventResponse answer, Session s, Transaction t) {
        if (s == null || !s.active() || s.limitDeadline().isEmpty() || t.startedAt() == null) {
            return answer;
        }
        long seconds = Duration.between(t.startedAt(), s.limitDeadline().get()).toSeconds();
        if (seconds <= 0) {
            return answer;
        }
        return new TransactionEventResponse(answer.totalCost(), answer.chargingPriority(), answer.idTokenInfo(),
                new TransactionLimitType(null, null, (int) Math.min(Integer.MAX_VALUE, seconds), null, null),
                answer.updatedPersonalMessage(), answer.updatedPersonalMessageExtra(), answer.customData());
    }

    private void publishChanges(Session before, Session after) {
        Instant now = clock.instant();
        if (before == null) {
            events.publish(new SessionEvent.SessionStarted(after.stationId(), after.transactionId(), after.evseId(),
                    after.idToken(), after.pluggedInAt(), after.limitDeadline().orElse(null), now));
        } else if (before.state() != after.state() && after.active()) {
            events.publish(new SessionEvent.SessionStateChanged(after.stationId(), after.transactionId(),
                    before.state().wire(), after.state().wire(), now));
        }
        if (after.soc() != null && (before == null || !Objects.equals(before.socAt(), after.socAt()))) {
            events.publish(new SessionEvent.SocUpdated(after.stationId(), after.transactionId(), after.evseId(),
                    after.soc(), after.socAt()));
        }
        if (after.needs() != null && (before == null || before.needs() != after.needs())) {
            publishNeeds(after);
        }
        if (!after.active() && (before == null || before.active())) {
            events.publish(new SessionEvent.SessionEnded(after.stationId(), after.transactionId(),
                    after.endReason().wire(), after.stoppedReason(), after.importedWh(), after.exportedWh(),
                    after.endedAt()));
        }
    }

    private void publishNeeds(Session s) {
        events.publish(new SessionEvent.NeedsUpdated(s.stationId(), s.transactionId(), s.evseId(), s.needs(),
                s.targetSoc(), s.departureDeadline().orElse(null), s.energyNeededWh().orElse(null),
                clock.instant()));
    }

    private static List<Session> sorted(List<Session> list) {
        return list.stream().sorted(Comparator.comparing(Session::pluggedInAt,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(s -> s.key().toString())).toList();
    }
}
