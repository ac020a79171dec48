package org.v2gcsms.simulator;

/**
 * One vehicle model of a fleet mix.
 *
 * @param share          its weight in the mix (any positive scale; the mix normalises)
 * @param maxChargeKw    what the vehicle accepts; infinite when the charger's rating is the only limit
 * @param maxDischargeKw what the vehicle gives back; zero when it cannot discharge
 */
public record EvModel(String name, double share, double batteryKwh, double kmPerKwh, double maxChargeKw,
                      double maxDischargeKw) {

    public EvModel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an EV model needs a name");
        }
        positive(share, "share of " + name);
        positive(batteryKwh, "battery_kwh of " + name);
        positive(kmPerKwh, "km_per_kwh of " + name);
        positive(maxChargeKw, "max_charge_kw of " + name);
        if (!(maxDischargeKw >= 0)) {
            throw new IllegalArgumentException("max_discharge_kw of " + name + " must be >= 0");
        }
    }

    public boolean canDischarge() {
        return maxDischargeKw > 0;
    }

    private static void positive(double v, String what) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(what + " must be positive, was " + v);
        }
    }
}
