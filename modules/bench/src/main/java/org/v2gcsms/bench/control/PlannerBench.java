package org.v2gcsms.bench.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.v2gcsms.control.planner.EvPlanInput;
import org.v2gcsms.control.planner.LpEngine;
import org.v2gcsms.control.planner.Objective;
import org.v2gcsms.control.planner.PlanRequest;
import org.v2gcsms.control.planner.Planner;

/**
 * Planner solve time (model building included) for S1-shaped problems: EVs at 50 kW chargers in 40-minute
 * sessions (4 ten-minute steps, each at a random point of its session), V2G allowed for half, peak objective.
 * Cases: 100 and 1,000 EVs at one site; 10,000 EVs across 100 sites of 100, solved in parallel on every core.
 * Prints the median and worst of the timed runs after warm-up. Run:
 * {@code java -cp <bench classpath> org.v2gcsms.bench.control.PlannerBench [highs|glop|clp]}
 */
public final class PlannerBench {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration STEP = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        LpEngine engine = args.length > 0 ? LpEngine.parse(args[0]) : LpEngine.HIGHS;
        Planner planner = new Planner(engine);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("engine %s, %d cores%n", engine, cores);
        for (int evs : new int[] {100, 1_000}) {
            PlanRequest r = site(evs, new Random(evs));
            time(evs + " EVs, 1 site", 5, 15, () -> planner.plan(r));
        }
        List<PlanRequest> sites = new ArrayList<>();
        Random random = new Random(10_000);
        for (int s = 0; s < 100; s++) {
            sites.add(site(100, random));
        }
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        time("10,000 EVs, 100 sites in parallel", 3, 7, () -> {
            List<Future<?>> futures = new ArrayList<>();
            for (PlanRequest r : sites) {
                futures.add(pool.submit(() -> planner.plan(r)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        pool.shutdown();
    }

    static PlanRequest site(int n, Random random) {
        double[] base = new double[4];
        for (int t = 0; t < 4; t++) {
            base[t] = n * 20 * (0.8 + 0.4 * random.nextDouble());
        }
        List<EvPlanInput> evs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int left = 1 + random.nextInt(4);
            double soc = 20 + 40 * random.nextDouble();
            double cap = 30 + 40 * random.nextDouble();
            double need = Math.min((80 - soc) / 100 * cap, 50.0 * left / 6 * 0.9);
            boolean v2x = random.nextBoolean();
            evs.add(new EvPlanInput("ev-" + i, need, T0.plus(STEP.multipliedBy(left)), soc, cap, 20, 100, 50,
                    v2x ? 50 : 0, v2x, Double.POSITIVE_INFINITY));
        }
        double[] price = {100, 180, 280, 180};
        return new PlanRequest("site", T0, STEP, base, price, price, Double.POSITIVE_INFINITY, n * 10.0,
                Objective.PEAK, evs);
    }

    static void time(String name, int warmup, int runs, Runnable r) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-36s median %8.1f ms   worst %8.1f ms   (%d runs)%n", name, ms[runs / 2], ms[runs - 1], runs);
    }
}
