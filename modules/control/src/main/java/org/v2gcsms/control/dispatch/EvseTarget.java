package org.v2gcsms.control.dispatch;

import java.util.Objects;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.sessions.devicemodel.ChargingCapabilities;

/**
 * Where a schedule goes and what that EVSE can take, read from the station's device model before anything is
 * sent.
 *
 * @param transactionId  the active transaction the TxProfile belongs to
 * @param chargeKw       the EVSE's charge rating
 * @param dischargeKw    its discharge rating (EVSE.DischargePower); 0 when it cannot discharge
 * @param phases         AC phases used to convert W to A (0 for DC: A profiles then use {@code voltageV} alone)
 * @param evAllowsDischarge the EV (and its authorisation) allows V2X discharge
 */
public record EvseTarget(String stationId, int evseId, String transactionId, OcppVersion version,
                         ChargingCapabilities capabilities, double chargeKw, double dischargeKw, int phases,
                         double voltageV, boolean evAllowsDischarge) {

    public EvseTarget {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    public String key() {
        return stationId + "/" + evseId;
    }

    /** OCPP 2.1, V2X enabled, CentralSetpoint supported and a discharge rating: bidirectional setpoints. */
    public boolean v2x() {
        return version == OcppVersion.V21 && capabilities.v2xEnabled()
                && (capabilities.operationModes().isEmpty() || capabilities.operationModes().contains("CentralSetpoint"))
                && dischargeKw > 0;
    }

    /** Discharge may be asked of this EVSE for this EV. */
    public boolean dischargeAllowed() {
        return v2x() && evAllowsDischarge;
    }

    /** W when the station takes W (or says nothing), else A. */
    public boolean inWatts() {
        return capabilities.rateUnits().isEmpty() || capabilities.rateUnits().contains("W");
    }

    /** Periods per schedule the station accepts (24 when it did not say). */
    public int maxPeriods() {
        return capabilities.periodsPerSchedule().filter(p -> p > 0).orElse(24);
    }
}
