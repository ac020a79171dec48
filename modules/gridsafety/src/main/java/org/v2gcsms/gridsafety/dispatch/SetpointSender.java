package org.v2gcsms.gridsafety.dispatch;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.v2gcsms.ocpp.v21.ChargingProfileKindEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfilePurposeEnumType;
import org.v2gcsms.ocpp.v21.ChargingProfileType;
import org.v2gcsms.ocpp.v21.ChargingRateUnitEnumType;
import org.v2gcsms.ocpp.v21.ChargingSchedulePeriodType;
import org.v2gcsms.ocpp.v21.ChargingScheduleType;
import org.v2gcsms.ocpp.v21.OperationModeEnumType;
import org.v2gcsms.ocpp.v21.SetChargingProfileRequest;
import org.v2gcsms.ocpp.v21.SetChargingProfileResponse;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionRepository;
import org.v2gcsms.sessions.transactions.TransactionState;

/**
 * Sends one guarded setpoint as an OCPP 2.1 TxProfile of the EVSE's open transaction: one Relative period in
 * CentralSetpoint mode, {@code setpoint} in W (+ charge, − discharge), and {@code limit}/{@code dischargeLimit}
 * pinned to the same value so the EV cannot go beyond what the guard allowed. Only ever given setpoints that
 * left the {@link org.v2gcsms.gridsafety.guard.LimitGuard}.
 */
public final class SetpointSender {
    /** Above the planner's profiles (stack level 1): a grid-safety setpoint (frequency response, operator) wins while
     * in force. 8 is the highest level the simulated stations (and many real ones, ProfileStackLevel) accept. */
    public static final int STACK_LEVEL = 8;

    private final StationCommands commands;
    private final TransactionRepository transactions;

    public SetpointSender(StationCommands commands, TransactionRepository transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /** The EVSE's open transaction, if any. */
    public Optional<String> openTransaction(String stationId, int evseId) {
        return transactions.ofStation(stationId).stream()
                .filter(t -> t.state() == TransactionState.OPEN && t.evseId() != null && t.evseId() == evseId)
                .map(Transaction::transactionId).findFirst();
    }

    /** The EVSE a transaction of the station ran at, if known. */
    public Optional<Integer> evseOf(String stationId, String transactionId) {
        return transactions.find(stationId, transactionId).map(Transaction::evseId);
    }

    /** The EVSEs of the station with an open transaction. */
    public List<Integer> openEvses(String stationId) {
        return transactions.ofStation(stationId).stream()
                .filter(t -> t.state() == TransactionState.OPEN && t.evseId() != null)
                .map(Transaction::evseId).distinct().sorted().toList();
    }

    /** Empty when the EVSE has no open transaction (nothing to bind a TxProfile to). */
    public Optional<CompletableFuture<SetChargingProfileResponse>> send(String stationId, int evseId, double kw) {
        return request(stationId, evseId, kw).map(r -> commands.send(stationId, r, SetChargingProfileResponse.class));
    }

    /** The SetChargingProfile carrying the setpoint, for whoever sends it (the trip path uses the priority lane). */
    public Optional<SetChargingProfileRequest> request(String stationId, int evseId, double kw) {
        return openTransaction(stationId, evseId)
                .map(tx -> new SetChargingProfileRequest(evseId, profile(stationId, evseId, tx, kw)));
    }

    static ChargingProfileType profile(String stationId, int evseId, String transactionId, double kw) {
        double w = Math.round(kw * 1000 * 10) / 10.0;
        ChargingSchedulePeriodType period = new ChargingSchedulePeriodType(0, Math.max(0, w), null, null, null,
                null, Math.min(0, w), null, null, w, null, null, null, null, null, null, null, null,
                OperationModeEnumType.CentralSetpoint, null, null, null);
        ChargingScheduleType schedule = new ChargingScheduleType(1, ChargingRateUnitEnumType.W, List.of(period));
        return new ChargingProfileType(profileId(stationId, evseId), STACK_LEVEL,
                ChargingProfilePurposeEnumType.TxProfile, ChargingProfileKindEnumType.Relative, null, null, null,
                transactionId, null, List.of(schedule), null, null, null, null, null);
    }

    /** One profile id per EVSE, so each setpoint replaces the last. */
    public static int profileId(String stationId, int evseId) {
        return 900_000_000 + Math.floorMod((stationId + "/" + evseId).hashCode(), 99_999_999);
    }
}
