package org.v2gcsms.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Where EVs come from: one after another, in order of arrival. Used from one thread. */
public sealed interface ArrivalPlan {

    /** The next arrival, or empty when the plan is exhausted. */
    Optional<Arrival> next();

    /**
     * S2's arrival model: a Poisson process of {@code perHour} EVs per simulated hour. Each EV's model comes
     * from the fleet mix, its SoC on arrival is uniform in 20..60%, its target 80% (S1) and its planned stay
     * uniform in 10..50 minutes, so that with the 40-minute limit about a quarter of the sessions use the full
     * 40 minutes, as S1 reports for Korea's public fast chargers.
     */
    final class Poisson implements ArrivalPlan {
        private final double perHour;
        private final FleetMix fleet;
        private final Random random;
        private Duration at = Duration.ZERO;

        public Poisson(double perHour, FleetMix fleet, long seed) {
            if (!(perHour > 0)) {
                throw new IllegalArgumentException("arrival rate must be positive, was " + perHour);
            }
            this.perHour = perHour;
            this.fleet = fleet;
            this.random = new Random(seed);
        }

        @Override
        public Optional<Arrival> next() {
            double gapSeconds = -Math.log(1 - random.nextDouble()) * 3600 / perHour;
            at = at.plusMillis((long) (gapSeconds * 1000));
            double soc = 0.20 + 0.40 * random.nextDouble();
            Duration stay = Duration.ofSeconds(600 + (long) (2400 * random.nextDouble()));
            return Optional.of(new Arrival(at, fleet.pick(random), soc, stay, 0.80));
        }
    }

    /**
     * Arrivals read from a CSV with the header
     * {@code arrival_minute,model,soc_percent,stay_minutes[,target_soc_percent]}; the target defaults to 80%.
     */
    final class Listed implements ArrivalPlan {
        private final Iterator<Arrival> remaining;

        public Listed(List<Arrival> arrivals) {
            this.remaining = arrivals.stream().sorted(Comparator.comparing(Arrival::at)).toList().iterator();
        }

        public static Listed load(Path csv, FleetMix fleet) throws IOException {
            try (Reader r = Files.newBufferedReader(csv)) {
                return read(r, csv.toString(), fleet);
            }
        }

        static Listed read(Reader reader, String source, FleetMix fleet) throws IOException {
            List<Arrival> arrivals = new ArrayList<>();
            for (Csv.Row row : Csv.read(reader, source).rows()) {
                arrivals.add(new Arrival(minutes(row.number("arrival_minute")), fleet.model(row.text("model")),
                        row.number("soc_percent") / 100, minutes(row.number("stay_minutes")),
                        row.number("target_soc_percent", 80) / 100));
            }
            return new Listed(arrivals);
        }

        @Override
        public Optional<Arrival> next() {
            return remaining.hasNext() ? Optional.of(remaining.next()) : Optional.empty();
        }

        private static Duration minutes(double m) {
            return Duration.ofMillis(Math.round(m * 60_000));
        }
    }
}
