package org.v2gcsms.simulator;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads every simulated station shares: timers in simulated time and the pool on which each
 * station's {@link SerialExecutor} runs. A station owns no thread of its own (Java-WebSocket's socket
 * threads aside), which keeps thousands of stations in one process.
 */
public final class SimScheduler implements AutoCloseable {
    private final SimClock clock;
    private final ScheduledThreadPoolExecutor threads;

    public SimScheduler(SimClock clock, int threadCount) {
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.threads = new ScheduledThreadPoolExecutor(threadCount, factory);
        threads.setRemoveOnCancelPolicy(true);
        threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public SimClock clock() {
        return clock;
    }

    /** Runs {@code task} on {@code on} after a simulated delay. */
    public ScheduledFuture<?> after(Duration simulatedDelay, Executor on, Runnable task) {
        return threads.schedule(() -> on.execute(task), clock.toReal(simulatedDelay).toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on {@code on} after a real (wall-clock) delay: for timeouts and slow answers. */
    public ScheduledFuture<?> afterReal(Duration realDelay, Executor on, Runnable task) {
        return threads.schedule(() -> on.execute(task), realDelay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on {@code on} every simulated {@code period}, the first time after one period. */
    public ScheduledFuture<?> every(Duration simulatedPeriod, Executor on, Runnable task) {
        long real = Math.max(1, clock.toReal(simulatedPeriod).toNanos());
        return threads.scheduleAtFixedRate(() -> on.execute(task), real, real, TimeUnit.NANOSECONDS);
    }

    /** A new serial context on the shared threads. */
    public SerialExecutor serial() {
        return new SerialExecutor(threads);
    }

    ScheduledExecutorService threads() {
        return threads;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
