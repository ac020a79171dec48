package org.v2gcsms.gridsafety.preset;

import java.util.List;
import java.util.Optional;

/**
 * A grid-code preset: the limits a site's discharge must respect, already validated (see {@link GridCodes}).
 * Voltages are per unit of {@code nominalVolts}, frequencies in Hz, times in seconds, ramps in percent of the
 * rated discharge power per second.
 *
 * @param id              the file name without extension, e.g. {@code ieee1547-cat2}
 * @param name            what the preset is, for people
 * @param voltageTrips    must-trip stages, over- and under-voltage
 * @param frequencyTrips  must-trip stages, over- and under-frequency
 * @param overVoltage10MinPu a rolling 10-minute mean voltage above this trips (EN 50549-1 / VDE 4105); empty: none
 * @param lossOfMains     RoCoF threshold and delay, and the time the EVSE has to cease energizing
 * @param enterService    the window V and f must stay in for {@code delayS} before export may return
 * @param enterServiceRampPctPerS how fast discharge may come back after a trip
 * @param normalRampPctPerS how fast a setpoint may change in normal operation
 * @param droop           frequency-watt droop
 * @param voltVar         volt-var curve, where the code asks for one
 * @param exportLimitKw   most the site may export under this code (the connection agreement)
 */
public record GridCode(String id, String name, double nominalVolts, double nominalHertz, List<Trip> voltageTrips,
                       List<Trip> frequencyTrips, Optional<Double> overVoltage10MinPu, LossOfMains lossOfMains,
                       EnterService enterService, double enterServiceRampPctPerS, double normalRampPctPerS,
                       Droop droop, Optional<VoltVar> voltVar, double exportLimitKw) {

    public GridCode {
        voltageTrips = List.copyOf(voltageTrips);
        frequencyTrips = List.copyOf(frequencyTrips);
    }

    /** Which side of nominal a trip stage guards. */
    public enum Side { OVER, UNDER }

    /**
     * One must-trip stage: beyond {@code threshold} (pu for voltage, Hz for frequency) for {@code clearingS}
     * the EVSE must cease to energize.
     */
    public record Trip(String key, Side side, double threshold, double clearingS) {
        public boolean beyond(double value) {
            return side == Side.OVER ? value > threshold : value < threshold;
        }
    }

    public record LossOfMains(double rocofHzPerS, double rocofDelayS, double ceaseToEnergizeS) {}

    public record EnterService(double lowPu, double highPu, double lowHz, double highHz, double delayS) {
        public boolean inside(double pu, double hz) {
            return pu >= lowPu && pu <= highPu && hz >= lowHz && hz <= highHz;
        }
    }

    /**
     * Frequency-watt droop: outside nominal ± deadband, power changes by {@code 1/droop} of rated power per
     * unit of frequency deviation (a 5 % droop: 100 % of rated power at 5 % deviation).
     */
    public record Droop(double deadbandHz, double overDroop, double underDroop, double responseS) {}

    /** Four volt-var points (V in pu, Q in pu of rated VA, + injects) and the open-loop response time. */
    public record VoltVar(double[] vPu, double[] qPu, double responseS) {
        public VoltVar {
            vPu = vPu.clone();
            qPu = qPu.clone();
        }
    }

    /** Volts at {@code pu}. */
    public double volts(double pu) {
        return pu * nominalVolts;
    }

    /** The tightest stage of each kind (shortest clearing time first) a reading is beyond, if any. */
    public Optional<Trip> voltageTripFor(double pu) {
        return voltageTrips.stream().filter(t -> t.beyond(pu))
                .min(java.util.Comparator.comparingDouble(Trip::clearingS));
    }

    public Optional<Trip> frequencyTripFor(double hz) {
        return frequencyTrips.stream().filter(t -> t.beyond(hz))
                .min(java.util.Comparator.comparingDouble(Trip::clearingS));
    }
}
