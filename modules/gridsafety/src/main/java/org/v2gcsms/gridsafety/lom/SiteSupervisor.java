package org.v2gcsms.gridsafety.lom;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.gridsafety.preset.GridCode;

/**
 * The loss-of-mains state machine of one site. It trips on a DER alarm, a station's grid-fault event, a
 * reading beyond a must-trip stage for that stage's clearing time, a RoCoF beyond the preset for its delay, a
 * 10-minute mean over-voltage, or the designated grid meter falling silent. Tripped latches: export returns
 * only after V and f have stayed inside the enter-service window for the preset's delay (any excursion
 * restarts the timer), then ramps at the preset's enter-service rate. Readings count from the designated grid
 * meter when there is one, else from any station of the site. Time comes from the caller ({@code now}), so
 * a test moves it by hand. Thread-safe.
 */
public final class SiteSupervisor {
    private static final Logger log = LoggerFactory.getLogger(SiteSupervisor.class);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    /**
     * Stages that clear this fast trip on the first reading beyond them: the CSMS cannot time anything shorter
     * than a meter period, and the station's own protection must already have ceased to energize.
     */
    static final double IMMEDIATE_S = 1.0;

    private final String siteId;
    private final GridCode code;
    private final Optional<String> gridMeter;
    private final Duration meterTimeout;
    private final Consumer<LomTransition> transitions;

    private LomState state;
    private Double volts;
    private Double hertz;
    private Instant lastMeterAt;
    private final Map<String, Instant> beyondSince = new HashMap<>();
    private final Map<String, Sample> lastFrequency = new HashMap<>();
    private Instant rocofSince;
    private final Deque<Sample> voltageWindow = new ArrayDeque<>();
    /** Alarms and station faults still active, by station and kind; export stays blocked while any is. */
    private final Set<String> activeAlarms = new LinkedHashSet<>();

    private record Sample(double value, Instant at) {}

    /**
     * @param initial     the state the site resumes in (NORMAL for a new site, else from the journal)
     * @param transitions told of every transition, in order, while the supervisor's lock is held
     */
    public SiteSupervisor(String siteId, GridCode code, Optional<String> gridMeter, Duration meterTimeout,
                          LomState initial, Consumer<LomTransition> transitions) {
        this.siteId = siteId;
        this.code = code;
        this.gridMeter = gridMeter;
        this.meterTimeout = meterTimeout;
        this.state = initial;
        this.transitions = transitions;
        this.lastMeterAt = initial.since();
    }

    public String siteId() {
        return siteId;
    }

    public GridCode gridCode() {
        return code;
    }

    public synchronized LomState state() {
        return state;
    }

    /** The share of each EVSE's discharge rating the site may use now: 0 tripped or waiting, 1 normal. */
    public synchronized double dischargeFraction(Instant now) {
        return switch (state) {
            case LomState.Normal n -> 1;
            case LomState.Tripped t -> 0;
            case LomState.WaitingToReenter w -> 0;
            case LomState.Ramping r -> rampFraction(r, now);
        };
    }

    /** The last voltage (V) and frequency (Hz) that counted, if any. */
    public synchronized Optional<double[]> lastGrid() {
        return volts == null || hertz == null ? Optional.empty() : Optional.of(new double[] {volts, hertz});
    }

    public synchronized void on(GridSignal signal, Instant now) {
        switch (signal) {
            case GridSignal.DerAlarm a -> {
                String key = a.stationId() + ":" + a.controlType();
                if (a.ended()) {
                    activeAlarms.remove(key);
                } else {
                    activeAlarms.add(key);
                    trip("NotifyDERAlarm " + a.controlType() + (a.gridEventFault() == null ? "" : " "
                            + a.gridEventFault()) + " from " + a.stationId()
                            + (a.extraInfo() == null ? "" : ": " + a.extraInfo()), now);
                }
            }
            case GridSignal.StationGridFault f -> {
                String key = f.stationId() + ":" + f.kind();
                if (f.cleared()) {
                    activeAlarms.remove(key);
                } else {
                    activeAlarms.add(key);
                    trip("station event " + f.kind() + " from " + f.stationId()
                            + (f.detail() == null ? "" : ": " + f.detail()), now);
                }
            }
            case GridSignal.Reading r -> reading(r, now);
        }
        advance(now);
    }

    /** A station (re)connected: alarms it raised on its old connection no longer count; it re-raises if still faulted. */
    public synchronized void stationReconnected(String stationId, Instant now) {
        activeAlarms.removeIf(k -> k.startsWith(stationId + ":"));
        advance(now);
    }

    /** Time passed: clearing times, meter silence, the enter-service delay and the ramp are checked. */
    public synchronized void tick(Instant now) {
        for (var e : beyondSince.entrySet()) {
            Optional<GridCode.Trip> stage = stage(e.getKey());
            if (stage.isPresent() && elapsed(e.getValue(), now) >= stage.get().clearingS()) {
                trip(describe(stage.get()) + " for " + stage.get().clearingS() + " s", now);
                break;
            }
        }
        if (gridMeter.isPresent() && Duration.between(lastMeterAt, now).compareTo(meterTimeout) > 0
                && !(state instanceof LomState.Tripped)) {
            trip("grid meter " + gridMeter.get() + " silent for more than " + meterTimeout.toSeconds() + " s", now);
        }
        advance(now);
    }

    private void reading(GridSignal.Reading r, Instant now) {
        if (gridMeter.isPresent() && !gridMeter.get().equals(r.stationId())) {
            return;
        }
        lastMeterAt = now;
        if (r.volts() != null) {
            volts = r.volts();
            double pu = r.volts() / code.nominalVolts();
            for (GridCode.Trip t : code.voltageTrips()) {
                excursion(t, t.beyond(pu), now);
            }
            voltageWindow.addLast(new Sample(pu, r.at()));
            while (!voltageWindow.isEmpty() && voltageWindow.peekFirst().at().isBefore(r.at().minus(TEN_MINUTES))) {
                voltageWindow.removeFirst();
            }
            if (code.overVoltage10MinPu().isPresent()) {
                double mean = voltageWindow.stream().mapToDouble(Sample::value).average().orElse(0);
                if (mean > code.overVoltage10MinPu().get()) {
                    trip(String.format("10-minute mean voltage %.3f pu above %.3f pu", mean,
                            code.overVoltage10MinPu().get()), now);
                }
            }
        }
        if (r.hertz() != null) {
            hertz = r.hertz();
            for (GridCode.Trip t : code.frequencyTrips()) {
                excursion(t, t.beyond(r.hertz()), now);
            }
            rocof(r, now);
        }
        if (state instanceof LomState.WaitingToReenter w) {
            boolean inside = insideEnterService();
            if (!inside && w.insideSince() != null) {
                state = new LomState.WaitingToReenter(w.since(), null);
                record(w, state, String.format("left the enter-service window (%s): timer restarts", grid()), now);
            } else if (inside && w.insideSince() == null) {
                state = new LomState.WaitingToReenter(w.since(), now);
            }
        }
    }

    private void excursion(GridCode.Trip t, boolean beyond, Instant now) {
        if (!beyond) {
            beyondSince.remove(t.key());
            return;
        }
        Instant since = beyondSince.computeIfAbsent(t.key(), k -> now);
        if (t.clearingS() <= IMMEDIATE_S || elapsed(since, now) >= t.clearingS()) {
            trip(describe(t) + " (" + grid() + ")", now);
        }
    }

    /** RoCoF between consecutive readings of one source, by their own timestamps. */
    private void rocof(GridSignal.Reading r, Instant now) {
        Sample prev = lastFrequency.put(r.stationId(), new Sample(r.hertz(), r.at()));
        if (prev == null || !r.at().isAfter(prev.at())) {
            return;
        }
        double dt = elapsed(prev.at(), r.at());
        double rate = Math.abs(r.hertz() - prev.value()) / dt;
        if (rate <= code.lossOfMains().rocofHzPerS()) {
            rocofSince = null;
            return;
        }
        // A rate measured over at least the delay was sustained that long; shorter ones must add up to it.
        Instant from = rocofSince == null ? prev.at() : rocofSince;
        rocofSince = from;
        if (elapsed(from, r.at()) >= code.lossOfMains().rocofDelayS()) {
            trip(String.format("RoCoF %.2f Hz/s above %.2f Hz/s for %.1f s", rate, code.lossOfMains().rocofHzPerS(),
                    elapsed(from, r.at())), now);
        }
    }

    private void trip(String cause, Instant now) {
        if (state instanceof LomState.Tripped) {
            log.info("Site {} already tripped; also: {}", siteId, cause);
            return;
        }
        LomState from = state;
        state = new LomState.Tripped(now, cause);
        record(from, state, cause, now);
    }

    /** Moves on where time or readings allow: tripped → waiting → ramping → normal. */
    private void advance(Instant now) {
        if (state instanceof LomState.Tripped && activeAlarms.isEmpty() && beyondSince.isEmpty()
                && meterFresh(now) && insideEnterService()) {
            LomState from = state;
            state = new LomState.WaitingToReenter(now, now);
            record(from, state, String.format("grid back in the enter-service window (%s); waiting %.0f s", grid(),
                    code.enterService().delayS()), now);
        }
        if (state instanceof LomState.WaitingToReenter w && w.insideSince() != null
                && elapsed(w.insideSince(), now) >= code.enterService().delayS()) {
            state = new LomState.Ramping(now);
            record(w, state, String.format("inside the enter-service window for %.0f s; ramping at %.4f %%/s",
                    code.enterService().delayS(), code.enterServiceRampPctPerS()), now);
        }
        if (state instanceof LomState.Ramping r && rampFraction(r, now) >= 1) {
            state = new LomState.Normal(now);
            record(r, state, "ramp complete", now);
        }
    }

    private boolean meterFresh(Instant now) {
        return gridMeter.isEmpty() || Duration.between(lastMeterAt, now).compareTo(meterTimeout) <= 0;
    }

    private boolean insideEnterService() {
        return volts != null && hertz != null && code.enterService().inside(volts / code.nominalVolts(), hertz);
    }

    private double rampFraction(LomState.Ramping r, Instant now) {
        return Math.min(1, Math.max(0, code.enterServiceRampPctPerS() / 100 * elapsed(r.since(), now)));
    }

    private void record(LomState from, LomState to, String cause, Instant now) {
        LomTransition t = new LomTransition(siteId, from.name(), to.name(), cause, now);
        log.warn("Site {} loss of mains: {} -> {} ({})", siteId, from.name(), to.name(), cause);
        transitions.accept(t);
    }

    private Optional<GridCode.Trip> stage(String key) {
        return java.util.stream.Stream.concat(code.voltageTrips().stream(), code.frequencyTrips().stream())
                .filter(t -> t.key().equals(key)).findFirst();
    }

    private static String describe(GridCode.Trip t) {
        boolean voltage = t.key().endsWith("v1") || t.key().endsWith("v2");
        return t.key().toUpperCase() + " " + (t.side() == GridCode.Side.OVER ? ">" : "<") + " " + t.threshold()
                + (voltage ? " pu" : " Hz");
    }

    private String grid() {
        return (volts == null ? "V unknown" : String.format("%.1f V", volts)) + ", "
                + (hertz == null ? "f unknown" : String.format("%.3f Hz", hertz));
    }

    private static double elapsed(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
