package org.v2gcsms.simulator;

/**
 * An EV traction battery seen from the grid. Energy drawn from the grid reaches the cells times the
 * charge efficiency; energy fed back costs the cells one over the discharge efficiency. Never goes
 * above full or below the discharge floor (S1: KEPCO's V2G testbed kept SoC above 20%).
 * Not thread-safe: owned by one EVSE's session.
 */
final class Battery {
    static final double CHARGE_EFFICIENCY = 0.95;
    static final double DISCHARGE_EFFICIENCY = 0.95;
    static final double DISCHARGE_FLOOR = 0.20;

    private final double capacityWh;
    private double storedWh;

    Battery(double capacityKwh, double soc) {
        this.capacityWh = capacityKwh * 1000;
        this.storedWh = capacityWh * soc;
    }

    double soc() {
        return storedWh / capacityWh;
    }

    double capacityWh() {
        return capacityWh;
    }

    double storedWh() {
        return storedWh;
    }

    /**
     * Moves energy for {@code seconds} at {@code gridWatts} (+ charge, − discharge), stopping at
     * {@code ceilingSoc} when charging and at the discharge floor when discharging.
     *
     * @return the energy that actually crossed the grid connection, Wh (+ imported, − exported)
     */
    double transfer(double gridWatts, double seconds, double ceilingSoc) {
        if (gridWatts > 0) {
            double room = Math.max(0, capacityWh * Math.min(1, ceilingSoc) - storedWh);
            double intoCells = Math.min(gridWatts * seconds / 3600 * CHARGE_EFFICIENCY, room);
            storedWh += intoCells;
            return intoCells / CHARGE_EFFICIENCY;
        }
        if (gridWatts < 0) {
            double available = Math.max(0, storedWh - capacityWh * DISCHARGE_FLOOR);
            double outOfCells = Math.min(-gridWatts * seconds / 3600 / DISCHARGE_EFFICIENCY, available);
            storedWh -= outOfCells;
            return -outOfCells * DISCHARGE_EFFICIENCY;
        }
        return 0;
    }

    /** Whether power in this direction would move any energy right now. */
    boolean canMove(double gridWatts, double ceilingSoc) {
        if (gridWatts > 0) {
            return storedWh < capacityWh * Math.min(1, ceilingSoc) - 1e-6;
        }
        if (gridWatts < 0) {
            return storedWh > capacityWh * DISCHARGE_FLOOR + 1e-6;
        }
        return false;
    }
}
