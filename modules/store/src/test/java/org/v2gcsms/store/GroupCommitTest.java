package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/** Writes that share a commit: one that fails must fail alone and leave nothing of itself behind. */
class GroupCommitTest {

    @DatabaseTest
    void aFailingWriteInABatchFailsAloneAndItsRowsAreNotCommitted(DatabaseConfig config) throws Exception {
        try (Database db = Database.open(config)) {
            db.inTransaction(c -> c.createStatement().execute("CREATE TABLE probe (id INT PRIMARY KEY)"));
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> first = call(() -> db.write("station", c -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return insert(c, 0);
            }));
            entered.await();
            // While the lane is held by the first write, these queue up and are committed as one batch.
            List<Thread> callers = new ArrayList<>();
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int id = 1; id <= 5; id++) {
                int row = id;
                writes.add(call(callers, () -> db.write("station", c -> insert(c, row))));
            }
            CompletableFuture<Integer> failing = call(callers, () -> db.write("station", c -> {
                insert(c, 100);
                return insert(c, 3); // the key of a write before it in the same batch
            }));
            for (int id = 6; id <= 8; id++) {
                int row = id;
                writes.add(call(callers, () -> db.write("station", c -> insert(c, row))));
            }
            for (Thread t : callers) {
                while (t.getState() != Thread.State.WAITING) { // queued and waiting for its commit
                    Thread.onSpinWait();
                }
            }
            release.countDown();

            assertEquals(1, first.get());
            for (CompletableFuture<Integer> w : writes) {
                assertEquals(1, w.get());
            }
            ExecutionException e = assertThrows(ExecutionException.class, failing::get);
            assertInstanceOf(StoreException.class, e.getCause());
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), db.inTransaction(c -> Sql.list(c,
                    "SELECT id FROM probe ORDER BY id", rs -> rs.getInt("id"))), "row 100 of the failed write is gone");
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> CompletableFuture<T> call(Call<T> work) {
        return call(new ArrayList<>(), work);
    }

    /** Runs the blocking call on a platform thread of its own (its state shows when it waits). */
    private static <T> CompletableFuture<T> call(List<Thread> threads, Call<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                result.complete(work.run());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        threads.add(t);
        return result;
    }

    private static int insert(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO probe (id) VALUES (?)")) {
            ps.setInt(1, id);
            return ps.executeUpdate();
        }
    }
}
