package org.v2gcsms.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What all stations of a run did and what went wrong; shared and thread-safe. */
public final class SimulationLog {
    private static final Logger log = LoggerFactory.getLogger(SimulationLog.class);

    private final ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    final AtomicLong bootsAccepted = new AtomicLong();
    final AtomicLong callsSent = new AtomicLong();
    final AtomicLong callsAnswered = new AtomicLong();
    final AtomicLong csmsCalls = new AtomicLong();
    final AtomicLong sessionsStarted = new AtomicLong();
    final AtomicLong sessionsEnded = new AtomicLong();
    final AtomicLong turnedAway = new AtomicLong();
    final AtomicLong offlineReplayed = new AtomicLong();
    final DoubleAdder importedWh = new DoubleAdder();
    final DoubleAdder exportedWh = new DoubleAdder();

    /** Sees every frame a station sends or receives (for tracing and for tests). */
    public interface Traffic {
        void frame(String stationId, boolean sent, String text);
    }

    private volatile Traffic traffic = (station, sent, text) -> { };

    public void traffic(Traffic listener) {
        this.traffic = listener;
    }

    void frame(String stationId, boolean sent, String text) {
        traffic.frame(stationId, sent, text);
    }

    void problem(Problem p) {
        problems.add(p);
        log.warn("{}", p);
        synchronized (problems) {
            problems.notifyAll();
        }
    }

    /** Waits until at least {@code n} sessions started; false if they did not within the timeout. */
    public boolean awaitSessionsStarted(long n, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sessionsStarted) {
            while (sessionsStarted.get() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                sessionsStarted.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    void sessionStarted() {
        sessionsStarted.incrementAndGet();
        synchronized (sessionsStarted) {
            sessionsStarted.notifyAll();
        }
    }

    /** Waits until a problem of this kind was reported; false if none came within the timeout. */
    public boolean awaitProblem(Problem.Kind kind, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (problems) {
            while (problems.stream().noneMatch(p -> p.kind() == kind)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                problems.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Problems by kind and station, for a short report. */
    public Map<String, Long> problemCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Problem p : problems) {
            counts.merge(p.kind() + " " + p.detail(), 1L, Long::sum);
        }
        return counts;
    }

    public Snapshot snapshot() {
        return new Snapshot(bootsAccepted.get(), callsSent.get(), callsAnswered.get(), csmsCalls.get(),
                sessionsStarted.get(), sessionsEnded.get(), turnedAway.get(), offlineReplayed.get(),
                importedWh.sum() / 1000, exportedWh.sum() / 1000, problems.size());
    }

    /** The counters at one moment. */
    public record Snapshot(long bootsAccepted, long callsSent, long callsAnswered, long csmsCalls, long sessionsStarted,
                           long sessionsEnded, long turnedAway, long offlineReplayed, double importedKwh,
                           double exportedKwh, int problems) {
        @Override
        public String toString() {
            return String.format("boots %d, sessions %d started / %d ended (%d turned away), %.1f kWh in / %.1f kWh out, "
                            + "%d calls sent / %d answered, %d CSMS calls, %d offline events replayed, %d problems",
                    bootsAccepted, sessionsStarted, sessionsEnded, turnedAway, importedKwh, exportedKwh, callsSent,
                    callsAnswered, csmsCalls, offlineReplayed, problems);
        }
    }
}
