package org.v2gcsms.sessions.devicemodel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A station's smart-charging and V2X abilities, read from its reported device model (empty/false where it did
 * not report them). {@code chargePowerW} and {@code dischargePowerW} are the EVSE ratings (EVSE.Power and
 * EVSE.DischargePower, see {@link #rating}) per EVSE id.
 *
 * @param rateUnits               SmartChargingCtrlr.RateUnit: "A" and/or "W"
 * @param periodsPerSchedule      SmartChargingCtrlr.PeriodsPerSchedule
 * @param profileStackLevel       SmartChargingCtrlr.ProfileStackLevel
 * @param maxChargingProfiles     SmartChargingCtrlr.Entries[ChargingProfiles] maxLimit
 * @param v2xEnabled              V2XChargingCtrlr.Enabled
 * @param operationModes          V2XChargingCtrlr.SupportedOperationModes
 * @param energyTransferModes     V2XChargingCtrlr.SupportedEnergyTransferModes
 */
public record ChargingCapabilities(Set<String> rateUnits, Optional<Integer> periodsPerSchedule,
                                   Optional<Integer> profileStackLevel, Optional<Integer> maxChargingProfiles,
                                   boolean smartChargingEnabled, boolean v2xEnabled, Set<String> operationModes,
                                   Set<String> energyTransferModes, Map<Integer, Double> dischargePowerW,
                                   Map<Integer, Double> chargePowerW) {

    static ChargingCapabilities from(List<DeviceVariable> smart, List<DeviceVariable> v2x, List<DeviceVariable> evse) {
        Map<Integer, Double> discharge = new TreeMap<>();
        Map<Integer, Double> charge = new TreeMap<>();
        for (DeviceVariable v : evse) {
            if (v.key().variable().equalsIgnoreCase("DischargePower") && v.key().evseId() >= 0) {
                rating(v).ifPresent(w -> discharge.put(v.key().evseId(), w));
            }
            if (v.key().variable().equalsIgnoreCase("Power") && v.key().evseId() >= 0
                    && v.key().attributeType() == org.v2gcsms.ocpp.v21.AttributeEnumType.Actual) {
                rating(v).ifPresent(w -> charge.putIfAbsent(v.key().evseId(), w));
            }
        }
        return new ChargingCapabilities(list(actual(smart, "RateUnit", "")),
                actual(smart, "PeriodsPerSchedule", "").flatMap(DeviceModelService::integer),
                actual(smart, "ProfileStackLevel", "").flatMap(DeviceModelService::integer),
                smart.stream().filter(v -> v.key().is(v.key().component(), "Entries", "ChargingProfiles"))
                        .map(DeviceVariable::maxLimit).filter(java.util.Objects::nonNull).map(Double::intValue)
                        .findFirst(),
                actual(smart, "Enabled", "").map(Boolean::parseBoolean).orElse(!smart.isEmpty()),
                actual(v2x, "Enabled", "").map(Boolean::parseBoolean).orElse(false),
                list(actual(v2x, "SupportedOperationModes", "")),
                list(actual(v2x, "SupportedEnergyTransferModes", "")), Map.copyOf(discharge), Map.copyOf(charge));
    }

    /**
     * An EVSE's power rating from EVSE.Power or EVSE.DischargePower: the variable's maxLimit (OCPP: the most the
     * EVSE can deliver; the Actual value is what it delivers now), else the value for stations that report the
     * rating there.
     */
    static Optional<Double> rating(DeviceVariable v) {
        if (v.maxLimit() != null) {
            return Optional.of(Math.abs(v.maxLimit()));
        }
        try {
            return v.value() == null ? Optional.empty() : Optional.of(Math.abs(Double.parseDouble(v.value())));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a malformed report value is no capability
        }
    }

    private static Optional<String> actual(List<DeviceVariable> vars, String variable, String instance) {
        return vars.stream().filter(v -> v.key().is(v.key().component(), variable, instance)
                        && v.key().attributeType() == org.v2gcsms.ocpp.v21.AttributeEnumType.Actual)
                .map(DeviceVariable::value).filter(java.util.Objects::nonNull).findFirst();
    }

    private static Set<String> list(Optional<String> csv) {
        return csv.map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }
}
