package org.v2gcsms.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated site: stations sharing one simulated clock and a few threads, and the EVs that arrive at
 * them. Each arrival goes to the first station, in a rotating order, that has a free EVSE; an EV that finds
 * none is turned away.
 */
public final class Simulation implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    private final SimScheduler scheduler;
    private final SimulationLog simulationLog = new SimulationLog();
    private final List<SimulatedStation> stations = new ArrayList<>();
    private final ArrivalPlan arrivals;
    private final SerialExecutor arrivalContext;
    private ScheduledFuture<?> nextArrival;
    private boolean stopped;
    private int rotation;

    public Simulation(List<StationSpec> specs, StationSettings settings, URI csms, SSLContext tls, FleetMix fleet,
                      ArrivalPlan arrivals, double speedUp) {
        int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        this.scheduler = new SimScheduler(SimClock.startingNow(speedUp), threads);
        this.arrivals = arrivals;
        this.arrivalContext = scheduler.serial();
        for (StationSpec spec : specs) {
            stations.add(new SimulatedStation(spec, settings, csms, tls, scheduler, simulationLog, fleet));
        }
    }

    /** {@code count} fast chargers named {@code prefix}0001.. with the protocol mix applied. */
    public static List<StationSpec> site(int count, ProtocolMix mix, int evsesPerStation, String prefix,
                                         String password, int securityProfile) {
        List<StationSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(StationSpec.fastCharger(String.format("%s%04d", prefix, i + 1), mix.versionOf(i), evsesPerStation)
                    .withPassword(password).withSecurityProfile(securityProfile));
        }
        return specs;
    }

    public SimulationLog log() {
        return simulationLog;
    }

    public List<SimulatedStation> stations() {
        return List.copyOf(stations);
    }

    public SimClock clock() {
        return scheduler.clock();
    }

    /** Connects every station; completes when all were accepted (it may never, if the CSMS refuses some). */
    public CompletableFuture<Void> start() {
        return CompletableFuture.allOf(stations.stream().map(SimulatedStation::start).toArray(CompletableFuture[]::new));
    }

    /** Starts the arrival process, counted from now. */
    public void startArrivals() {
        Duration offset = scheduler.clock().elapsed();
        arrivalContext.execute(() -> scheduleNext(offset));
    }

    private void scheduleNext(Duration offset) {
        if (stopped) {
            return;
        }
        arrivals.next().ifPresent(a -> {
            Duration due = offset.plus(a.at()).minus(scheduler.clock().elapsed());
            nextArrival = scheduler.after(due.isNegative() ? Duration.ZERO : due, arrivalContext, () -> {
                place(a, 0);
                scheduleNext(offset);
            });
        });
    }

    private void place(Arrival arrival, int tried) {
        if (tried == stations.size()) {
            simulationLog.turnedAway.incrementAndGet();
            return;
        }
        SimulatedStation s = stations.get(rotation++ % stations.size());
        s.plugIn(arrival).thenAcceptAsync(plugged -> {
            if (!plugged) {
                place(arrival, tried + 1);
            }
        }, arrivalContext);
    }

    /** Stops arrivals, ends every session, lets queued messages out and disconnects every station. */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> arrivalsStopped = CompletableFuture.runAsync(() -> {
            stopped = true;
            if (nextArrival != null) {
                nextArrival.cancel(false);
            }
        }, arrivalContext);
        return arrivalsStopped.thenCompose(x -> CompletableFuture.allOf(
                stations.stream().map(SimulatedStation::stop).toArray(CompletableFuture[]::new)));
    }

    @Override
    public void close() {
        try {
            stop().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Stations did not all stop cleanly", e);
        } finally {
            scheduler.close();
        }
    }
}
