package org.v2gcsms.bench.load;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counters and the round-trip histogram of a load run, with progress lines every few seconds. */
final class LoadStats {
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int stations;
    private final CountDownLatch bootedLatch;
    private final LongAdder connected = new LongAdder();
    private final LongAdder disconnected = new LongAdder();
    private final LongAdder booted = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());
    private final long started = System.nanoTime();

    LoadStats(int stations) {
        this.stations = stations;
        this.bootedLatch = new CountDownLatch(stations);
    }

    void connected() { connected.increment(); }
    void disconnected() { disconnected.increment(); }
    void sent() { sent.increment(); }
    void skipped() { skipped.increment(); }

    void booted() {
        booted.increment();
        bootedLatch.countDown();
    }

    void recordRoundTrip(long nanos) {
        acked.increment();
        recorder.recordValue(Math.max(1, nanos / 1000));
    }

    void connectFailed(Throwable cause) {
        error("connect failed: " + cause.getClass().getSimpleName());
    }

    void error(String what) {
        errors.increment();
        String kind = what.length() > 60 ? what.substring(0, 60) : what;
        if (errorKinds.size() < 50 || errorKinds.containsKey(kind)) {
            errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    void awaitBooted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!bootedLatch.await(5, TimeUnit.SECONDS)) {
            reportNow("booting");
            if (System.nanoTime() > deadline) {
                System.err.println("station-load: not every station booted within " + timeout);
                return;
            }
        }
    }

    void maybeReport(String phase) {
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
            reportNow(phase);
        }
    }

    void reportNow(String phase) {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        System.err.printf("[%5.0fs %-10s] connected %d/%d booted %d open %d | sent %d acked %d skipped %d errors %d"
                        + " | rtt p50 %.2f ms p99 %.2f ms%n",
                (System.nanoTime() - started) / 1e9, phase, connected.sum(), stations, booted.sum(),
                connected.sum() - disconnected.sum(), sent.sum(), acked.sum(), skipped.sum(), errors.sum(),
                interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0);
    }

    void runPhase(String phase, Duration length) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            TimeUnit.NANOSECONDS.sleep(Math.min(REPORT_EVERY_NANOS, end - System.nanoTime()));
            reportNow(phase);
        }
    }

    void resetLatency() {
        recorder.getIntervalHistogram();
        total.reset();
        acked.reset();
        skipped.reset();
    }

    void printSummary(Duration measured, double targetRate) {
        total.add(recorder.getIntervalHistogram());
        double achieved = acked.sum() / (measured.toNanos() / 1e9);
        System.out.printf("stations=%d booted=%d open=%d target_rate=%.0f/s achieved_rate=%.0f/s skipped=%d errors=%d%n",
                stations, booted.sum(), connected.sum() - disconnected.sum(), targetRate, achieved, skipped.sum(),
                errors.sum());
        System.out.printf("heartbeat_rtt_ms p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f samples=%d%n",
                total.getValueAtPercentile(50) / 1000.0, total.getValueAtPercentile(90) / 1000.0,
                total.getValueAtPercentile(99) / 1000.0, total.getValueAtPercentile(99.9) / 1000.0,
                total.getMaxValue() / 1000.0, total.getTotalCount());
        errorKinds.forEach((k, v) -> System.out.printf("error x%d: %s%n", v.sum(), k));
    }

    boolean healthy() {
        return booted.sum() == stations && errors.sum() == 0 && connected.sum() - disconnected.sum() == stations;
    }
}
