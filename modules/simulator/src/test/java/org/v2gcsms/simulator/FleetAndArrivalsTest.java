package org.v2gcsms.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FleetAndArrivalsTest {

    @Test
    void theS1PresetHasItsSevenModelsAndTheAverageBatteryS1Reports() {
        FleetMix s1 = FleetMix.s1Korea();
        assertEquals(7, s1.models().size());
        // S1's "average 40.7 kWh" is the plain mean over the seven models; the shares add up to 100%.
        assertEquals(40.7, s1.models().stream().mapToDouble(EvModel::batteryKwh).average().orElseThrow(), 0.05);
        assertEquals(100, s1.models().stream().mapToDouble(EvModel::share).sum(), 1e-9);
        assertEquals(64, s1.model("Kona").batteryKwh());
    }

    @Test
    void poissonArrivalsComeAtTheRequestedRateAndAQuarterHitTheFortyMinuteLimit() {
        ArrivalPlan.Poisson plan = new ArrivalPlan.Poisson(120, FleetMix.s1Korea(), 7);
        int n = 20_000;
        Arrival last = null;
        int full = 0;
        for (int i = 0; i < n; i++) {
            last = plan.next().orElseThrow();
            if (last.stay().compareTo(Duration.ofMinutes(40)) >= 0) {
                full++;
            }
        }
        assertEquals(n / 120.0, last.at().toSeconds() / 3600.0, n / 120.0 * 0.03); // within 3% of n/λ hours
        assertEquals(0.25, (double) full / n, 0.02);
    }

    @Test
    void arrivalsReadFromCsvComeInTimeOrderAndRejectUnknownModels() throws Exception {
        String csv = "arrival_minute,model,soc_percent,stay_minutes,target_soc_percent\n10,Kona,30,40,90\n2.5,Bolt,50,20\n";
        ArrivalPlan.Listed plan = ArrivalPlan.Listed.read(new StringReader(csv), "test", FleetMix.s1Korea());
        Arrival first = plan.next().orElseThrow();
        assertEquals("Bolt", first.model().name());
        assertEquals(Duration.ofSeconds(150), first.at());
        assertEquals(0.80, first.targetSoc());
        assertEquals(0.90, plan.next().orElseThrow().targetSoc());
        assertEquals(java.util.Optional.empty(), plan.next());
        assertThrows(IllegalArgumentException.class, () -> ArrivalPlan.Listed.read(
                new StringReader("arrival_minute,model,soc_percent,stay_minutes\n1,Tesla,10,10\n"), "test", FleetMix.s1Korea()));
    }
}
