package org.v2gcsms.gridsafety.ffr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.v2gcsms.gridsafety.guard.ClampReason;
import org.v2gcsms.gridsafety.guard.EvseKey;
import org.v2gcsms.gridsafety.guard.EvseLimits;
import org.v2gcsms.gridsafety.guard.GuardedSetpoint;
import org.v2gcsms.gridsafety.guard.LimitGuard;
import org.v2gcsms.gridsafety.guard.Requester;
import org.v2gcsms.gridsafety.guard.SetpointRequest;
import org.v2gcsms.gridsafety.guard.SiteConditions;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.preset.GridCodes;

/**
 * Central frequency-watt droop under IEEE 1547 Cat II (60 Hz, deadband 0.036 Hz, droop 5 %): the response is
 * (|Δf| − deadband) / (60 × 0.05) of each EVSE's rating, goes through the limit guard, and each update records
 * requested, allowed and delivered power.
 */
class FrequencyResponseTest {
    private final GridCode code = GridCodes.load(Path.of("../../config/gridcodes"))
            .withOverrides("ieee1547-cat2", Map.of("export-limit-kw", "100"), "test");
    private final Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
    private final List<FrequencyResponse.Evse> evses = List.of(
            new FrequencyResponse.Evse(new EvseKey("cs1", 1), 50, 0),
            new FrequencyResponse.Evse(new EvseKey("cs2", 1), 50, 0));
    private final Function<EvseKey, SetpointRequest> request = k -> new SetpointRequest(k.stationId(), k.evseId(), 0,
            EvseLimits.v2x(50, 50, 60), Requester.FREQUENCY_RESPONSE);

    FrequencyResponseTest() throws IOException {}

    /** The site may export {@code exportKw} (its agreement); the preset allows 100. */
    private SiteConditions site(double exportKw) {
        return new SiteConditions("s", Optional.of(code), 200, exportKw, 20, 90, 1, ClampReason.LOSS_OF_MAINS_RAMPING);
    }

    private static double perUnit(double hz) {
        double d = hz - 60;
        return Math.signum(d) * (Math.abs(d) - 0.036) / (60 * 0.05);
    }

    @Test
    void droopFollowsFrequencyInsideTheGuardAndLogsRequestedAllowedDelivered() {
        FrequencyResponse ffr = new FrequencyResponse("s", code, Double.POSITIVE_INFINITY);
        LimitGuard guard = new LimitGuard(r -> {});

        assertEquals(List.of(), ffr.onFrequency(60.02, t0, evses, 0, request), "inside the deadband: nothing");

        // Under-frequency: more discharge, in proportion to (|Δf| − deadband).
        List<SetpointRequest> under = ffr.onFrequency(59.5, t0, evses, 0, request);
        for (SetpointRequest r : under) {
            assertEquals(perUnit(59.5) * 50, r.kw(), 1e-9);
        }
        ffr.allowed(guard.guard(site(100), under, t0));
        FrequencyResponse.Update u1 = last(ffr);
        assertEquals(perUnit(59.5) * 100, u1.requestedKw(), 1e-9);
        assertEquals(u1.requestedKw(), u1.allowedKw(), 1e-9, "within every limit: all of it allowed");

        // Deeper: the request grows, the site's 20 kW export limit holds it; the meters delivered −15 kW so far.
        List<SetpointRequest> deeper = ffr.onFrequency(59.0, t0.plusSeconds(10), evses, -15, request);
        assertEquals(perUnit(59.0) * 50, deeper.get(0).kw(), 1e-9);
        List<GuardedSetpoint> guarded = guard.guard(site(20), deeper, t0.plusSeconds(10));
        assertTrue(guarded.get(0).clamps().contains(ClampReason.SITE_EXPORT_LIMIT), guarded.toString());
        ffr.allowed(guarded);
        FrequencyResponse.Update u2 = last(ffr);
        assertEquals(perUnit(59.0) * 100, u2.requestedKw(), 1e-9);
        assertEquals(-20, u2.allowedKw(), 1e-9, "the guard's limit, not the droop's wish");
        assertEquals(-15, u2.deliveredKw(), 1e-9, "delivered: site EV power since the baseline");

        // Over-frequency: more charge; back inside the deadband: the baselines return.
        List<SetpointRequest> over = ffr.onFrequency(60.5, t0.plusSeconds(20), evses, -20, request);
        assertEquals(perUnit(60.5) * 50, over.get(0).kw(), 1e-9);
        ffr.allowed(guard.guard(site(20), over, t0.plusSeconds(20)));
        List<SetpointRequest> back = ffr.onFrequency(60.0, t0.plusSeconds(30), evses, 0, request);
        assertEquals(List.of(0.0, 0.0), back.stream().map(SetpointRequest::kw).toList());
        assertEquals(Map.of(), ffr.baselines());
    }

    @Test
    void theContractedPowerCapsTheSiteResponse() {
        FrequencyResponse ffr = new FrequencyResponse("s", code, 10);
        List<SetpointRequest> out = ffr.onFrequency(59.0, t0, evses, 0, request);
        assertEquals(-5, out.get(0).kw(), 1e-9);
        assertEquals(-10, last(ffr).requestedKw(), 1e-9);
    }

    private static FrequencyResponse.Update last(FrequencyResponse ffr) {
        List<FrequencyResponse.Update> u = ffr.updates();
        return u.get(u.size() - 1);
    }
}
