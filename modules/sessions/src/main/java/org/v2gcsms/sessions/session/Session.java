package org.v2gcsms.sessions.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One EV's stay at one EVSE, from plug-in to the end of its transaction. Times are the station's (the events'
 * timestamps), except {@code warnedAt}, {@code limitReachedAt}, {@code lastStopAttemptAt} and
 * {@code updatedAt}, which are the CSMS's. Nullable fields are null until something reported them.
 *
 * @param state             where the session is; {@link SessionState#ENDED} with {@code endReason} once over
 * @param stoppedReason     the station's stoppedReason (wire value), when it reported one
 * @param pluggedInAt       the EV connected: the first event saying so (EVConnected, CablePluggedIn, EVDetected),
 *                          else the Started event; the maximum duration counts from here
 * @param authorizedAt      first event carrying the driver's token or an Authorized trigger
 * @param firstEnergyAt     first event with energy flowing (Charging state or non-zero power)
 * @param chargeCompletedAt the EV stopped taking energy after it had taken some (SuspendedEV, or a SoC/energy
 *                          limit trigger)
 * @param releasedAt        the EV left the charger (EVDeparted trigger, or ended as EVDisconnected)
 * @param socAtArrival      the earliest SoC reading (percent), and {@code socAtArrivalAt} its time
 * @param soc               the latest SoC reading (percent), and {@code socAt} its time; null: SoC unknown
 * @param importedWh        energy into the EV over the session (from the import register); null before two
 *                          readings
 * @param exportedWh        energy out of the EV over the session (V2G)
 * @param powerW            latest power, W: positive charging, negative discharging
 * @param batteryVoltageV   latest voltage reported at the EV (DC: the battery's), S2's EV data
 * @param batteryCurrentA   latest current, A, positive charging
 * @param batteryCapacityWh from the EV's needs or Display.BatteryEnergyCapacity
 * @param targetSoc         percent the EV should have at departure (default 80, settable per session)
 * @param needs             the EV's latest NotifyEVChargingNeeds
 * @param netWhAtNeeds      importedWh − exportedWh when the needs arrived (what was delivered since counts
 *                          against the EV's energy request)
 * @param maxDuration       the maximum duration that applies to this session; null: no limit
 * @param warnedAt          when LimitApproaching was raised
 * @param limitReachedAt    when the CSMS found the limit reached and started stopping the session
 * @param stopAttempts      RequestStopTransactions sent for the limit
 * @param stopIgnored       the station did not end the transaction after every attempt: flagged
 * @param lastSeqNo         highest seqNo applied; older events add readings but do not move the state
 * @param illegalTransitions events that asked for a move the state machine does not allow
 */
public record Session(String stationId, String transactionId, Integer evseId, Integer connectorId, String idToken,
                      SessionState state, EndReason endReason, String stoppedReason, Instant pluggedInAt,
                      Instant authorizedAt, Instant firstEnergyAt, Instant chargeCompletedAt, Instant releasedAt,
                      Instant endedAt, Double socAtArrival, Instant socAtArrivalAt, Double soc, Instant socAt,
                      Double importedWh, Double exportedWh, Double powerW, Instant powerAt, Double batteryVoltageV,
                      Double batteryCurrentA, Double batteryCapacityWh, double targetSoc, EvNeeds needs,
                      Double netWhAtNeeds, Duration maxDuration, Instant warnedAt, Instant limitReachedAt,
                      int stopAttempts, Instant lastStopAttemptAt, boolean stopIgnored, int lastSeqNo,
                      int illegalTransitions, Instant updatedAt) {

    public Session {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(state, "state");
    }

    public SessionKey key() {
        return new SessionKey(stationId, transactionId);
    }

    public boolean active() {
        return state != SessionState.ENDED;
    }

    public boolean socKnown() {
        return soc != null;
    }

    /** Plug-in + maximum duration; empty when there is no limit or no plug-in time yet. */
    public Optional<Instant> limitDeadline() {
        return pluggedInAt == null || maxDuration == null ? Optional.empty()
                : Optional.of(pluggedInAt.plus(maxDuration));
    }

    /** When the EV will be gone: the earlier of the limit deadline and the EV's departure time. */
    public Optional<Instant> departureDeadline() {
        Instant departure = needs == null ? null : needs.departureTime();
        Optional<Instant> limit = limitDeadline();
        if (departure == null) {
            return limit;
        }
        return Optional.of(limit.filter(l -> l.isBefore(departure)).orElse(departure));
    }

    /**
     * Energy still needed to reach the target SoC, Wh: from SoC and battery capacity when both are known, else
     * the EV's own energy request less what it received since; empty when neither is known.
     */
    public Optional<Double> energyNeededWh() {
        if (soc != null && batteryCapacityWh != null) {
            return Optional.of(Math.max(0, (targetSoc - soc) / 100 * batteryCapacityWh));
        }
        Double requested = needs == null ? null : needs.energyRequestWh();
        if (requested == null) {
            return Optional.empty();
        }
        double since = netWh() - (netWhAtNeeds == null ? 0 : netWhAtNeeds);
        return Optional.of(Math.max(0, requested - since));
    }

    /** Energy into the EV less energy out of it so far, Wh (zero before readings). */
    public double netWh() {
        return (importedWh == null ? 0 : importedWh) - (exportedWh == null ? 0 : exportedWh);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes to a session, made on a copy of its fields. */
    public static final class Builder {
        String stationId;
        String transactionId;
        Integer evseId;
        Integer connectorId;
        String idToken;
        SessionState state;
        EndReason endReason;
        String stoppedReason;
        Instant pluggedInAt;
        Instant authorizedAt;
        Instant firstEnergyAt;
        Instant chargeCompletedAt;
        Instant releasedAt;
        Instant endedAt;
        Double socAtArrival;
        Instant socAtArrivalAt;
        Double soc;
        Instant socAt;
        Double importedWh;
        Double exportedWh;
        Double powerW;
        Instant powerAt;
        Double batteryVoltageV;
        Double batteryCurrentA;
        Double batteryCapacityWh;
        double targetSoc;
        EvNeeds needs;
        Double netWhAtNeeds;
        Duration maxDuration;
        Instant warnedAt;
        Instant limitReachedAt;
        int stopAttempts;
        Instant lastStopAttemptAt;
        boolean stopIgnored;
        int lastSeqNo;
        int illegalTransitions;
        Instant updatedAt;

        /** A new session in state PLUGGED. */
        public Builder(String stationId, String transactionId, double targetSoc, Duration maxDuration) {
            this.stationId = stationId;
            this.transactionId = transactionId;
            this.state = SessionState.PLUGGED;
            this.targetSoc = targetSoc;
            this.maxDuration = maxDuration;
            this.lastSeqNo = -1;
        }

        private Builder(Session s) {
            stationId = s.stationId;
            transactionId = s.transactionId;
            evseId = s.evseId;
            connectorId = s.connectorId;
            idToken = s.idToken;
            state = s.state;
            endReason = s.endReason;
            stoppedReason = s.stoppedReason;
            pluggedInAt = s.pluggedInAt;
            authorizedAt = s.authorizedAt;
            firstEnergyAt = s.firstEnergyAt;
            chargeCompletedAt = s.chargeCompletedAt;
            releasedAt = s.releasedAt;
            endedAt = s.endedAt;
            socAtArrival = s.socAtArrival;
            socAtArrivalAt = s.socAtArrivalAt;
            soc = s.soc;
            socAt = s.socAt;
            importedWh = s.importedWh;
            exportedWh = s.exportedWh;
            powerW = s.powerW;
            powerAt = s.powerAt;
            batteryVoltageV = s.batteryVoltageV;
            batteryCurrentA = s.batteryCurrentA;
            batteryCapacityWh = s.batteryCapacityWh;
            targetSoc = s.targetSoc;
            needs = s.needs;
            netWhAtNeeds = s.netWhAtNeeds;
            maxDuration = s.maxDuration;
            warnedAt = s.warnedAt;
            limitReachedAt = s.limitReachedAt;
            stopAttempts = s.stopAttempts;
            lastStopAttemptAt = s.lastStopAttemptAt;
            stopIgnored = s.stopIgnored;
            lastSeqNo = s.lastSeqNo;
            illegalTransitions = s.illegalTransitions;
            updatedAt = s.updatedAt;
        }

        public Builder evse(Integer evse, Integer connector) {
            evseId = evse;
            connectorId = connector;
            return this;
        }

        public Builder idToken(String v) {
            idToken = v;
            return this;
        }

        public Builder state(SessionState v) {
            state = v;
            return this;
        }

        public Builder ended(EndReason reason, String stationReason, Instant at) {
            state = SessionState.ENDED;
            endReason = reason;
            stoppedReason = stationReason;
            endedAt = at;
            return this;
        }

        public Builder times(Instant pluggedIn, Instant authorized, Instant firstEnergy, Instant chargeCompleted,
                             Instant released) {
            pluggedInAt = pluggedIn;
            authorizedAt = authorized;
            firstEnergyAt = firstEnergy;
            chargeCompletedAt = chargeCompleted;
            releasedAt = released;
            return this;
        }

        public Builder soc(Double arrival, Instant arrivalAt, Double latest, Instant latestAt) {
            socAtArrival = arrival;
            socAtArrivalAt = arrivalAt;
            soc = latest;
            socAt = latestAt;
            return this;
        }

        public Builder energy(Double imported, Double exported) {
            importedWh = imported;
            exportedWh = exported;
            return this;
        }

        public Builder power(Double watts, Instant at) {
            powerW = watts;
            powerAt = at;
            return this;
        }

        public Builder battery(Double volts, Double amps, Double capacityWh) {
            batteryVoltageV = volts;
            batteryCurrentA = amps;
            batteryCapacityWh = capacityWh;
            return this;
        }

        public Builder targetSoc(double percent) {
            targetSoc = percent;
            return this;
        }

        public Builder needs(EvNeeds v, Double netWhNow) {
            needs = v;
            netWhAtNeeds = netWhNow;
            return this;
        }

        public Builder warned(Instant at) {
            warnedAt = at;
            return this;
        }

        public Builder limitReached(Instant at) {
            limitReachedAt = at;
            return this;
        }

        public Builder stopAttempted(Instant at) {
            stopAttempts++;
            lastStopAttemptAt = at;
            return this;
        }

        public Builder stopIgnored(boolean v) {
            stopIgnored = v;
            return this;
        }

        public Builder lastSeqNo(int v) {
            lastSeqNo = v;
            return this;
        }

        public Builder illegalTransition() {
            illegalTransitions++;
            return this;
        }

        /** Restores every counter and flag as stored (the store reads sessions back through this). */
        public Builder limitState(Instant warned, Instant reached, int attempts, Instant lastAttempt, boolean ignored) {
            warnedAt = warned;
            limitReachedAt = reached;
            stopAttempts = attempts;
            lastStopAttemptAt = lastAttempt;
            stopIgnored = ignored;
            return this;
        }

        public Builder counters(int seqNo, int illegal) {
            lastSeqNo = seqNo;
            illegalTransitions = illegal;
            return this;
        }

        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        public SessionState state() {
            return state;
        }

        public Session build() {
            return new Session(stationId, transactionId, evseId, connectorId, idToken, state, endReason,
                    stoppedReason, pluggedInAt, authorizedAt, firstEnergyAt, chargeCompletedAt, releasedAt, endedAt,
                    socAtArrival, socAtArrivalAt, soc, socAt, importedWh, exportedWh, powerW, powerAt,
                    batteryVoltageV, batteryCurrentA, batteryCapacityWh, targetSoc, needs, netWhAtNeeds, maxDuration,
                    warnedAt, limitReachedAt, stopAttempts, lastStopAttemptAt, stopIgnored, lastSeqNo,
                    illegalTransitions, updatedAt);
        }
    }
}
