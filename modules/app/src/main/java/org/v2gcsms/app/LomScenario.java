package org.v2gcsms.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.v2gcsms.gridsafety.GridSafety;
import org.v2gcsms.gridsafety.GridSafetyEvent;
import org.v2gcsms.gridsafety.guard.Requester;
import org.v2gcsms.gridsafety.guard.SetpointRequest;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.preset.GridCodes;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.simulator.Arrival;
import org.v2gcsms.simulator.DriverTokens;
import org.v2gcsms.simulator.EvModel;
import org.v2gcsms.simulator.FleetMix;
import org.v2gcsms.simulator.GridReading;
import org.v2gcsms.simulator.SimClock;
import org.v2gcsms.simulator.SimScheduler;
import org.v2gcsms.simulator.SimulatedStation;
import org.v2gcsms.simulator.SimulationLog;
import org.v2gcsms.simulator.StationSettings;
import org.v2gcsms.simulator.StationSpec;

/**
 * {@code ./csms scenario lom}: loss-of-mains fault injection on the composed CSMS. Simulated OCPP 2.1 V2X
 * stations discharge at one site under a grid-code preset, over real WebSockets in this process, on a fast
 * simulated clock the CSMS shares. The grid trips (under-frequency) mid-discharge, comes back, flaps outside the
 * enter-service window inside the delay (the timer restarts), and recovers through the preset's ramp. Every
 * simulated second the site's export and loss-of-mains state are recorded.
 */
final class LomScenario {
    static final String SITE = "lom";
    private static final EvModel EV = new EvModel("V2G", 1, 64, 5.6, 50, 50);

    /**
     * @param overrides preset values replaced for this run (e.g. a shorter enter-service delay for a quick run)
     * @param speedUp   simulated seconds per real second
     */
    record Settings(String preset, int stations, double dischargeKw, double speedUp, Map<String, String> overrides) {
        static Settings defaults(String preset) {
            return new Settings(preset, 4, 20, 20, Map.of());
        }
    }

    /** One simulated second. */
    record Row(long second, double exportKw, String state) {}

    /** A state change as published, at simulated seconds since the timeline began. */
    record Transition(double second, String from, String to, String cause) {}

    record Result(GridCode code, double ratedKw, List<Row> rows, List<Transition> transitions) {}

    private final Settings settings;
    private final PrintStream print;
    private final List<Transition> transitions = new CopyOnWriteArrayList<>();
    private volatile long originNanos;
    private SimClock clock;

    LomScenario(Settings settings, PrintStream print) {
        this.settings = settings;
        this.print = print;
    }

    /** Runs the scenario with the presets of {@code configDir}; writes timeline.csv and timeline.png to {@code out}. */
    Result run(Path configDir, Path out) throws Exception {
        Path work = Files.createTempDirectory("csms-lom-");
        Path config = ScenarioSite.write(configDir, work.resolve("config"), SITE, "LOM-*", settings.stations() * 50.0,
                settings.preset(), overrides());
        GridCode code = GridCodes.load(config.resolve("gridcodes"))
                .withOverrides(settings.preset(), overrides(), "scenario overrides");
        print.printf(Locale.ROOT, "Loss-of-mains scenario: preset %s (%s), %d V2X stations discharging %.0f kW each, "
                        + "enter-service delay %.0f s, ramp %.4g %%/s, %.0fx simulated time%n", code.id(), code.name(),
                settings.stations(), settings.dischargeKw(), code.enterService().delayS(),
                code.enterServiceRampPctPerS(), settings.speedUp());
        clock = SimClock.startingNow(settings.speedUp());
        Duration check = clock.toReal(Duration.ofMillis(500));
        try (SimScheduler scheduler = new SimScheduler(clock, 2);
             Csms csms = Csms.start(CsmsSettings.local(0, work.resolve("data")).withConfigDir(config), clock,
                     check.isZero() ? Duration.ofMillis(1) : check)) {
            for (String id : DriverTokens.all()) {
                csms.domain().repositories().tokens().save(new TokenRecord(id, DriverTokens.TYPE,
                        AuthorizationStatusEnumType.Accepted, null, null));
            }
            GridSafety safety = csms.gridSafety();
            List<SimulatedStation> stations = new ArrayList<>();
            for (int i = 1; i <= settings.stations(); i++) {
                SimulatedStation s = new SimulatedStation(new StationSpec(String.format("LOM-%02d", i), OcppVersion.V21,
                        1, 50, 50, true, 1, Optional.empty(), code.nominalVolts(), code.nominalHertz()),
                        StationSettings.DEFAULTS.withMeterInterval(Duration.ofSeconds(1)), csms.ocppUrl(), null,
                        scheduler, new SimulationLog(), FleetMix.s1Korea());
                s.start().get(30, TimeUnit.SECONDS);
                stations.add(s);
            }
            for (SimulatedStation s : stations) {
                s.plugIn(new Arrival(Duration.ZERO, EV, 0.70, Duration.ofHours(3), 0.70)).get(10, TimeUnit.SECONDS);
            }
            for (SimulatedStation s : stations) {
                discharge(safety, s);
            }
            csms.domain().events().subscribe(e -> {
                if (e instanceof GridSafetyEvent g && !(g instanceof GridSafetyEvent.SetpointsClamped)
                        && !(g instanceof GridSafetyEvent.DerControlReported)) {
                    transitions.add(transition(g));
                }
            });
            originNanos = System.nanoTime();
            Timeline timeline = new Timeline(stations, safety);
            CompletableFuture<Void> sampling = CompletableFuture.runAsync(timeline::sample);
            play(stations, safety, code);
            timeline.stop();
            sampling.get(1, TimeUnit.MINUTES);
            Result result = new Result(code, settings.stations() * 50.0, timeline.rows, List.copyOf(transitions));
            write(result, out);
            for (SimulatedStation s : stations) {
                s.stop().get(30, TimeUnit.SECONDS);
            }
            return result;
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Map<String, String> overrides() {
        Map<String, String> o = new TreeMap<>(settings.overrides());
        // The site's agreement allows what its stations can export.
        o.putIfAbsent("export-limit-kw", Double.toString(settings.stations() * 50.0));
        // The planner keeps asking these EVs (at their target SoC) for 0 kW; the scenario's operator setpoints
        // must not be held back by the normal ramp between the two. The enter-service ramp under test is the
        // preset's own.
        o.putIfAbsent("ramp.normal-pct-per-s", "100");
        return o;
    }

    /** Asks the guard for the discharge (as an operator would) until the station delivers it. */
    private void discharge(GridSafety safety, SimulatedStation s) {
        String[] last = {"no setpoint yet"};
        await(() -> {
            SetpointRequest r = safety.request(s.id(), 1, -settings.dischargeKw(), Requester.SCENARIO);
            last[0] = r.limits().toString();
            if (r.limits().v2x() && !Double.isNaN(r.limits().socPercent())) {
                last[0] = safety.dispatch(SITE, List.of(r)).toString();
                return waitFor(() -> power(s) <= -settings.dischargeKw() * 1000 + 1, Duration.ofSeconds(2));
            }
            return false;
        }, () -> s.id() + " discharging " + settings.dischargeKw() + " kW (last: " + last[0] + ")",
                Duration.ofSeconds(60));
    }

    /** Plays the grid: trip, back, a flap inside the delay, then waits for the ramp to finish. */
    private void play(List<SimulatedStation> stations, GridSafety safety, GridCode code) throws Exception {
        double fn = code.nominalHertz();
        sleepUntil(10);
        print.printf(Locale.ROOT, "t=%5.1f s  grid: under-frequency %.2f Hz for 5 s%n", now(), fn * 0.93);
        grid(stations, new GridReading(code.nominalVolts(), fn * 0.93, false), 5);
        await(() -> state(safety).equals("WAITING_TO_REENTER"), () -> "waiting to re-enter", Duration.ofMinutes(2));
        double waitingAt = now();
        sleepUntil(waitingAt + code.enterService().delayS() / 2);
        GridReading flap = flap(code);
        print.printf(Locale.ROOT, "t=%5.1f s  grid: flap %.1f V, %.3f Hz for 3 s (outside the enter-service window)%n",
                now(), flap.volts(), flap.hertz());
        grid(stations, flap, 3);
        double ramp = 100 / code.enterServiceRampPctPerS();
        await(() -> state(safety).equals("NORMAL"), () -> "back to NORMAL",
                clock.toReal(Duration.ofSeconds((long) (code.enterService().delayS() * 2 + ramp + 120))));
        sleepUntil(now() + 10);
    }

    /** A reading inside every trip window but outside the enter-service window (a trip if there is no such gap). */
    static GridReading flap(GridCode code) {
        GridCode.EnterService es = code.enterService();
        double vn = code.nominalVolts();
        double fn = code.nominalHertz();
        List<GridReading> candidates = List.of(new GridReading(vn, es.lowHz() - 0.05, false),
                new GridReading(vn, es.highHz() + 0.05, false),
                new GridReading(vn * (es.lowPu() - 0.01), fn, false),
                new GridReading(vn * (es.highPu() + 0.01), fn, false));
        for (GridReading r : candidates) {
            if (code.frequencyTripFor(r.hertz()).isEmpty() && code.voltageTripFor(r.volts() / vn).isEmpty()) {
                return r;
            }
        }
        return new GridReading(vn, fn * 0.93, false);
    }

    private static void grid(List<SimulatedStation> stations, GridReading r, long seconds) throws Exception {
        List<CompletableFuture<Void>> applied = new ArrayList<>();
        for (SimulatedStation s : stations) {
            applied.add(s.faults().grid(r, Duration.ofSeconds(seconds)));
        }
        CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    private Transition transition(GridSafetyEvent g) {
        double t = now();
        Transition tr = switch (g) {
            case GridSafetyEvent.LossOfMainsTripped e -> new Transition(t, e.from(), "TRIPPED", e.cause());
            case GridSafetyEvent.LossOfMainsReEnterStarted e -> new Transition(t, e.from(), "WAITING_TO_REENTER",
                    e.cause());
            case GridSafetyEvent.LossOfMainsRamping e -> new Transition(t, "WAITING_TO_REENTER", "RAMPING",
                    "delay passed; ramp " + e.rampPctPerS() + " %/s");
            default -> new Transition(t, "RAMPING", "NORMAL", "ramp complete");
        };
        print.printf(Locale.ROOT, "t=%5.1f s  %s -> %s  (%s)%n", tr.second(), tr.from(), tr.to(), tr.cause());
        return tr;
    }

    /** Samples the site once per simulated second until stopped. */
    private final class Timeline {
        final List<Row> rows = new CopyOnWriteArrayList<>();
        final List<SimulatedStation> stations;
        final GridSafety safety;
        volatile boolean stopped;

        Timeline(List<SimulatedStation> stations, GridSafety safety) {
            this.stations = stations;
            this.safety = safety;
        }

        void sample() {
            for (long second = 0; !stopped; second++) {
                sleepUntil(second);
                String state = state(safety);
                double exportKw = 0;
                for (SimulatedStation s : stations) {
                    exportKw += Math.max(0, -power(s)) / 1000;
                }
                rows.add(new Row(second, exportKw, state));
            }
        }

        void stop() {
            stopped = true;
        }
    }

    private static String state(GridSafety safety) {
        return safety.supervisor().site(SITE).orElseThrow().state().name();
    }

    /** Simulated seconds since the timeline began. */
    private double now() {
        return (System.nanoTime() - originNanos) * settings.speedUp() / 1e9;
    }

    /** Paces the run in simulated time (this is the scenario's clock, not a synchronisation). */
    private void sleepUntil(double second) {
        long due = originNanos + (long) (second / settings.speedUp() * 1e9);
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static double power(SimulatedStation s) {
        try {
            return s.view(1).get(10, TimeUnit.SECONDS).powerW();
        } catch (Exception e) {
            throw new IllegalStateException("station " + s.id() + " did not answer", e);
        }
    }

    private static boolean waitFor(BooleanSupplier condition, Duration real) {
        long deadline = System.nanoTime() + real.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what, Duration real) {
        if (!waitFor(condition, real)) {
            throw new IllegalStateException("scenario stuck: no " + what.get() + " within " + real.toSeconds() + " s",
                    new TimeoutException(what.get()));
        }
    }

    private void write(Result r, Path out) throws IOException {
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("t_s,site_export_kw,state\n");
        for (Row row : r.rows()) {
            csv.append(row.second()).append(',').append(String.format(Locale.ROOT, "%.3f", row.exportKw()))
                    .append(',').append(row.state()).append('\n');
        }
        Files.writeString(out.resolve("timeline.csv"), csv);
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1100).height(500)
                .title("Loss of mains at a V2X site (" + r.code().id() + ")").xAxisTitle("simulated time, s")
                .yAxisTitle("site export, kW").build();
        chart.getStyler().setMarkerSize(0);
        double[] t = r.rows().stream().mapToDouble(Row::second).toArray();
        chart.addSeries("site export", t, r.rows().stream().mapToDouble(Row::exportKw).toArray())
                .setMarker(SeriesMarkers.NONE);
        Optional<Transition> ramping = r.transitions().stream().filter(x -> x.to().equals("RAMPING")).reduce((a, b) -> b);
        if (ramping.isPresent()) {
            double start = ramping.get().second();
            double[] line = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                line[i] = t[i] < start ? 0 : Math.min(1, r.code().enterServiceRampPctPerS() / 100 * (t[i] - start))
                        * r.ratedKw();
            }
            chart.addSeries("enter-service ramp limit (rated)", t, line).setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(chart, out.resolve("timeline").toString(), BitmapEncoder.BitmapFormat.PNG);
        print.printf("Wrote %s (%d rows) and %s%n", out.resolve("timeline.csv"), r.rows().size(),
                out.resolve("timeline.png"));
    }
}
