package org.v2gcsms.server;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's inbound work strictly in arrival order, one task at a time, on virtual
 * threads, so a slow handler never holds a Netty event loop. The queue is bounded: a full inbox
 * refuses the task and the caller treats the station as flooding.
 */
final class StationInbox {
    private static final Logger log = LoggerFactory.getLogger(StationInbox.class);

    private final Executor threads;
    private final int capacity;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);
    private boolean running;
    private boolean accepting = true;
    private boolean finishing;

    StationInbox(Executor threads, int capacity) {
        this.threads = threads;
        this.capacity = capacity;
    }

    /** Queues a task; false when the inbox is full or no longer accepting. */
    synchronized boolean offer(Runnable task) {
        if (!accepting || waiting.size() >= capacity) {
            return false;
        }
        waiting.add(task);
        startIfStopped();
        return true;
    }

    synchronized boolean accepting() {
        return accepting;
    }

    /** Stops taking tasks and drops the waiting ones; completes when the running task (if any) is done. */
    synchronized CompletableFuture<Void> quiesce() {
        accepting = false;
        waiting.clear();
        return idle;
    }

    /**
     * The last task: drops whatever still waits and runs {@code last} after the running task.
     * {@link #finished()} completes once it ran.
     */
    synchronized void finish(Runnable last) {
        if (finishing) {
            return;
        }
        finishing = true;
        accepting = false;
        waiting.clear();
        waiting.add(() -> {
            try {
                last.run();
            } finally {
                finished.complete(null);
            }
        });
        startIfStopped();
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    private void startIfStopped() {
        if (running) {
            return;
        }
        running = true;
        idle = new CompletableFuture<>();
        try {
            threads.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // Only after shutdown: run here rather than lose a disconnect notification.
            log.debug("Handler threads are shut down; running inbox inline");
            drain();
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            CompletableFuture<Void> nowIdle;
            synchronized (this) {
                task = waiting.poll();
                if (task == null) {
                    running = false;
                    nowIdle = idle;
                } else {
                    nowIdle = null;
                }
            }
            if (task == null) {
                nowIdle.complete(null);
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                log.error("Inbound task failed", t);
            }
        }
    }
}
