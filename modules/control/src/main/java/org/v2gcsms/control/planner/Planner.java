package org.v2gcsms.control.planner;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans every EV's power per step for one site as a linear programme (docs/control.md, "Planner model").
 *
 * <p>Per EV n and step t: charge c[n][t] ∈ [0, Pc], discharge d[n][t] ∈ [0, Pd] (Pd = 0 where discharge is not
 * allowed), scaled by the part f[n][t] of the step before the EV's deadline. Net energy over the horizon plus a
 * shortfall s[n] ≥ 0 equals the energy needed (S1 (3)); the shortfall is penalised far above any gain, so it is
 * zero whenever the need can be met. The SoC stays inside its window after every step. Site net load
 * L[t] = base[t] + Σ(c − d) = imp[t] − exp[t], with imp ≤ import limit and exp ≤ export limit, each softened by
 * a penalised overrun so an impossible limit still yields a best-effort plan. Objective: peak z ≥ L[t] and/or
 * Σ price·imp − credit·exp, plus small terms that prefer low-base steps and penalise needless cycling.
 *
 * <p>Each call builds and frees its own solver, so one Planner may be used from several threads (sites are
 * independent problems and are solved in parallel).
 */
public final class Planner {
    private static final Logger log = LoggerFactory.getLogger(Planner.class);
    private static final double EPS = 1e-7;

    static {
        Loader.loadNativeLibraries();
    }

    private final LpEngine engine;

    public Planner(LpEngine engine) {
        this.engine = engine;
    }

    public Planner() {
        this(LpEngine.GLOP);
    }

    public LpEngine engine() {
        return engine;
    }

    /** Plans; never throws on an infeasible or failed model: the plan is then a best effort with shortfalls. */
    public Plan plan(PlanRequest r) {
        long t0 = System.nanoTime();
        if (r.evs().isEmpty()) {
            return new Plan(r.siteId(), r.start(), r.step(), List.of(), r.netBaseKw().clone(),
                    new double[r.horizonSteps()], Plan.Status.EMPTY, 0);
        }
        try {
            Plan p = solve(r, t0);
            if (p != null) {
                return p;
            }
        } catch (RuntimeException e) {
            log.error("Planner failed for site {}; falling back to even charging", r.siteId(), e);
        }
        return EvenCharging.plan(r, Plan.Status.FALLBACK, (System.nanoTime() - t0) / 1e6);
    }

    private Plan solve(PlanRequest r, long t0) {
        MPSolver solver = MPSolver.createSolver(engine.solverId());
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + engine + " solver");
        }
        try {
            solver.suppressOutput();
            return build(solver, r, t0);
        } finally {
            solver.delete();
        }
    }

    private Plan build(MPSolver solver, PlanRequest r, long t0) {
        int steps = r.horizonSteps();
        double dt = r.stepHours();
        double[] base = r.netBaseKw();
        List<EvPlanInput> evs = r.evs();
        int n = evs.size();
        double inf = Double.POSITIVE_INFINITY;

        // Scales that make each objective term about [0, 1], and the marginal gain any kWh can buy.
        double maxBase = 0;
        for (double b : base) {
            maxBase = Math.max(maxBase, Math.abs(b));
        }
        double evPower = 0;
        double need = 0;
        for (EvPlanInput ev : evs) {
            evPower += ev.maxChargeKw();
            need += Math.max(0, ev.energyNeededKwh());
        }
        double peakScale = Math.max(1, maxBase + evPower);
        double priceScale = 0;
        for (int t = 0; t < steps; t++) {
            priceScale = Math.max(priceScale, Math.max(Math.abs(r.importPrice()[t]), Math.abs(r.exportPrice()[t])));
        }
        priceScale = Math.max(priceScale, 1e-9);
        double energyScale = Math.max(1, need + maxBase * dt * steps);
        double wPeak = r.objective().peakWeight() / peakScale;
        double wCost = r.objective().costWeight() / (priceScale * energyScale);
        double marginal = wPeak / dt + wCost * priceScale + 0.1 / (peakScale * dt) + 1.0 / energyScale;
        double shortfallCost = 1_000 * marginal;          // per kWh not delivered
        double overrunCost = 100 * shortfallCost * dt;    // per kW over a site limit for one step
        double cycleCost = 1e-3 * marginal;               // per kWh discharged: no cycling without a reason
        double valley = 0.05 / (peakScale * peakScale);   // per kWh · kW of base: prefer low-base steps

        MPObjective obj = solver.objective();
        // Site rows: L[t] − Σ(c − d) = base[t], with L = imp − exp.
        MPConstraint[] balance = new MPConstraint[steps];
        MPVariable[] imp = new MPVariable[steps];
        MPVariable[] exp = new MPVariable[steps];
        MPVariable[] over = new MPVariable[steps];
        MPVariable[] under = new MPVariable[steps];
        MPVariable peak = wPeak > 0 ? solver.makeNumVar(-inf, inf, "") : null;
        if (peak != null) {
            obj.setCoefficient(peak, wPeak);
        }
        for (int t = 0; t < steps; t++) {
            imp[t] = solver.makeNumVar(0, inf, "");
            exp[t] = solver.makeNumVar(0, inf, "");
            over[t] = solver.makeNumVar(0, inf, "");
            under[t] = solver.makeNumVar(0, inf, "");
            balance[t] = solver.makeConstraint(base[t], base[t], "");
            balance[t].setCoefficient(imp[t], 1);
            balance[t].setCoefficient(exp[t], -1);
            MPConstraint importCap = solver.makeConstraint(-inf, r.importLimitKw(), "");
            importCap.setCoefficient(imp[t], 1);
            importCap.setCoefficient(over[t], -1);
            MPConstraint exportCap = solver.makeConstraint(-inf, r.exportLimitKw(), "");
            exportCap.setCoefficient(exp[t], 1);
            exportCap.setCoefficient(under[t], -1);
            obj.setCoefficient(over[t], overrunCost);
            obj.setCoefficient(under[t], overrunCost);
            obj.setCoefficient(imp[t], wCost * r.importPrice()[t] * dt);
            obj.setCoefficient(exp[t], -wCost * r.exportPrice()[t] * dt);
            if (peak != null) {
                MPConstraint pk = solver.makeConstraint(-inf, 0, "");
                pk.setCoefficient(imp[t], 1);
                pk.setCoefficient(exp[t], -1);
                pk.setCoefficient(peak, -1);
            }
        }

        MPVariable[][] charge = new MPVariable[n][];
        MPVariable[][] discharge = new MPVariable[n][];
        MPVariable[] shortfall = new MPVariable[n];
        double[] beyondWindow = new double[n];
        for (int i = 0; i < n; i++) {
            EvPlanInput ev = evs.get(i);
            int k = Math.min(steps, presentSteps(r, ev));
            boolean dis = ev.mayDischarge();
            charge[i] = new MPVariable[k];
            discharge[i] = dis ? new MPVariable[k] : null;
            double e0 = ev.socKnown() ? ev.socPercent() / 100 * ev.capacityKwh() : 0;
            double eMin = ev.socKnown() ? Math.min(e0, ev.socMinPercent() / 100 * ev.capacityKwh()) : -inf;
            double eMax = ev.socKnown() ? Math.max(e0, ev.socMaxPercent() / 100 * ev.capacityKwh()) : inf;
            // Above its target (it charged ahead of a peak) a V2X EV gives the surplus back before it leaves.
            double target = Math.min(dis ? ev.energyNeededKwh() : Math.max(0, ev.energyNeededKwh()),
                    Math.max(0, eMax - e0));
            beyondWindow[i] = Math.max(0, ev.energyNeededKwh() - Math.max(0, target));
            shortfall[i] = solver.makeNumVar(0, Math.max(0, target), "");
            obj.setCoefficient(shortfall[i], shortfallCost);
            MPConstraint energy = solver.makeConstraint(target, target, "");
            energy.setCoefficient(shortfall[i], 1);
            if (target < 0) {
                MPVariable surplus = solver.makeNumVar(0, -target, "");
                obj.setCoefficient(surplus, shortfallCost);
                energy.setCoefficient(surplus, -1);
            }
            MPConstraint throughput = dis && ev.dischargeCapKwh() < inf
                    ? solver.makeConstraint(-inf, ev.dischargeCapKwh(), "") : null;
            for (int t = 0; t < k; t++) {
                double f = r.presence(ev.deadline(), t);
                double h = f * dt;
                charge[i][t] = solver.makeNumVar(0, f > 0 ? ev.maxChargeKw() : 0, "");
                energy.setCoefficient(charge[i][t], h);
                balance[t].setCoefficient(charge[i][t], -h / dt);
                obj.setCoefficient(charge[i][t], valley * base[t] * h);
                if (dis) {
                    discharge[i][t] = solver.makeNumVar(0, f > 0 ? ev.maxDischargeKw() : 0, "");
                    energy.setCoefficient(discharge[i][t], -h);
                    balance[t].setCoefficient(discharge[i][t], h / dt);
                    obj.setCoefficient(discharge[i][t], (cycleCost - valley * base[t]) * h);
                    if (throughput != null) {
                        throughput.setCoefficient(discharge[i][t], h);
                    }
                }
            }
            if (dis) {
                // SoC window after every step; charge-only EVs rise monotonically, so their need cap suffices.
                for (int t = 0; t < k; t++) {
                    MPConstraint soc = solver.makeConstraint(eMin - e0, eMax - e0, "");
                    for (int u = 0; u <= t; u++) {
                        double h = r.presence(ev.deadline(), u) * dt;
                        soc.setCoefficient(charge[i][u], h);
                        soc.setCoefficient(discharge[i][u], -h);
                    }
                }
            }
        }

        obj.setMinimization();
        MPSolver.ResultStatus status = solver.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            log.warn("Planner: {} returned {} for site {} ({} EVs)", engine, status, r.siteId(), n);
            return null;
        }
        List<EvSchedule> out = new ArrayList<>(n);
        double[] load = base.clone();
        for (int i = 0; i < n; i++) {
            double[] p = new double[charge[i].length];
            for (int t = 0; t < p.length; t++) {
                double v = charge[i][t].solutionValue() - (discharge[i] == null ? 0 : discharge[i][t].solutionValue());
                p[t] = Math.abs(v) < EPS ? 0 : v;
                load[t] += p[t] * r.presence(evs.get(i).deadline(), t);
            }
            double s = shortfall[i].solutionValue() + beyondWindow[i];
            out.add(new EvSchedule(evs.get(i).evseKey(), p, s < 1e-6 ? 0 : s));
        }
        double[] overrun = new double[steps];
        for (int t = 0; t < steps; t++) {
            double v = over[t].solutionValue() - under[t].solutionValue();
            overrun[t] = Math.abs(v) < 1e-6 ? 0 : v;
        }
        Plan.Status st = status == MPSolver.ResultStatus.OPTIMAL ? Plan.Status.OPTIMAL : Plan.Status.FEASIBLE;
        return new Plan(r.siteId(), r.start(), r.step(), out, load, overrun, st, (System.nanoTime() - t0) / 1e6);
    }

    /** Steps in which the EV is present at least in part. */
    static int presentSteps(PlanRequest r, EvPlanInput ev) {
        long ms = ev.deadline().toEpochMilli() - r.start().toEpochMilli();
        return (int) Math.max(0, Math.ceil(ms / (double) r.step().toMillis()));
    }
}
