package org.v2gcsms.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable writes at a rate one commit per write could never reach: a commit that reaches the disk costs
 * milliseconds (fsync on PostgreSQL, a file write on H2), so writes waiting at the same time share one.
 * Each lane is a thread with its own connection; a caller's work runs in its lane's current batch (one failing
 * write does not spoil the others, see {@link #commit}), and the caller returns only after the batch committed.
 * Work with the same key always goes to the same lane, so one station's writes stay in order.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Write<T>(SqlWork<T> work, CompletableFuture<T> done) {}

    private final DataSource dataSource;
    private final int maxBatch;
    private final List<BlockingQueue<Write<?>>> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    GroupCommit(DataSource dataSource, int laneCount, int maxBatch) {
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        for (int i = 0; i < laneCount; i++) {
            BlockingQueue<Write<?>> lane = new LinkedBlockingQueue<>();
            lanes.add(lane);
            threads.add(Thread.ofPlatform().daemon().name("db-writer-" + i).start(() -> run(lane)));
        }
    }

    /** Runs the work in a batch of its key's lane; returns its result once the batch is committed. */
    <T> T write(String key, SqlWork<T> work) {
        if (closed) {
            throw new StoreException("The store is closed", null);
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        lanes.get(Math.floorMod(key.hashCode(), lanes.size())).add(new Write<>(work, done));
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException s) {
                throw s;
            }
            throw new StoreException("Database write failed: " + e.getCause(), e.getCause());
        }
    }

    private void run(BlockingQueue<Write<?>> lane) {
        List<Write<?>> batch = new ArrayList<>(maxBatch);
        while (!closed || !lane.isEmpty()) {
            try {
                Write<?> first = lane.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lane.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        for (Write<?> left; (left = lane.poll()) != null; ) {
            left.done().completeExceptionally(new StoreException("The store closed before this write", null));
        }
    }

    /**
     * Commits the batch. It is first run without a savepoint per write (on PostgreSQL each costs two round trips,
     * a third of the statements of a transaction event); only if a write fails is the batch rolled back and run
     * again with one savepoint per write, so that the failing write alone fails. Writes are database work only,
     * so running them a second time is safe.
     */
    private void commit(List<Write<?>> batch) {
        try (Connection c = dataSource.getConnection()) {
            try {
                List<Runnable> completions = runAll(c, batch);
                if (completions == null) {
                    c.rollback();
                    completions = runIsolated(c, batch);
                }
                c.commit();
                completions.forEach(Runnable::run);
                return;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            log.error("A batch of {} writes failed to commit", batch.size(), e);
            StoreException failure = new StoreException("Commit failed: " + e.getMessage(), e);
            batch.forEach(w -> w.done().completeExceptionally(failure));
        }
    }

    /** Runs every write; null as soon as one fails (the connection then needs a rollback). */
    private static List<Runnable> runAll(Connection c, List<Write<?>> batch) {
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Write<?> w : batch) {
            try {
                completions.add(runPlain(c, w));
            } catch (SQLException | RuntimeException e) {
                log.debug("A write failed in a batch of {}; running the batch again, one savepoint each",
                        batch.size(), e);
                return null;
            }
        }
        return completions;
    }

    private static List<Runnable> runIsolated(Connection c, List<Write<?>> batch) throws SQLException {
        List<Runnable> completions = new ArrayList<>(batch.size());
        for (Write<?> w : batch) {
            completions.add(runOne(c, w));
        }
        return completions;
    }

    private static <T> Runnable runPlain(Connection c, Write<T> w) throws SQLException {
        T result = w.work().run(c);
        return () -> w.done().complete(result);
    }

    /** Runs one write under a savepoint; returns how to tell its caller once the batch is committed. */
    private static <T> Runnable runOne(Connection c, Write<T> w) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            T result = w.work().run(c);
            c.releaseSavepoint(savepoint);
            return () -> w.done().complete(result);
        } catch (SQLException | RuntimeException e) {
            c.rollback(savepoint);
            StoreException failure = new StoreException("Database write failed: " + e.getMessage(), e);
            return () -> w.done().completeExceptionally(failure);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
