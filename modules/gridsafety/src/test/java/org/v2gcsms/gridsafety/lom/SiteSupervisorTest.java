package org.v2gcsms.gridsafety.lom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.preset.GridCodes;

/** The state machine alone, with time moved by hand (IEEE 1547 Cat II at 120 V / 60 Hz). */
class SiteSupervisorTest {
    private final GridCodes codes = GridCodes.load(java.nio.file.Path.of("../../config/gridcodes"));
    private final GridCode ieee = codes.get("ieee1547-cat2");
    private final List<LomTransition> transitions = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");

    SiteSupervisorTest() throws IOException {}

    private SiteSupervisor site(Optional<String> meter) {
        return new SiteSupervisor("s1", ieee, meter, Duration.ofSeconds(5), new LomState.Normal(now), transitions::add);
    }

    private void reading(SiteSupervisor s, String station, double volts, double hz) {
        s.on(new GridSignal.Reading(station, volts, hz, now), now);
    }

    private void advance(SiteSupervisor s, double seconds) {
        now = now.plusMillis((long) (seconds * 1000));
        s.tick(now);
    }

    private List<String> states() {
        return transitions.stream().map(LomTransition::to).toList();
    }

    @Test
    void underFrequencyBeyondStageTwoTripsAtOnceAndLatches() {
        SiteSupervisor s = site(Optional.empty());
        reading(s, "cs1", 120, 60);
        assertEquals(1.0, s.dischargeFraction(now));
        reading(s, "cs1", 120, 56.0);
        assertInstanceOf(LomState.Tripped.class, s.state());
        assertTrue(transitions.getLast().cause().contains("UF2"), transitions.getLast().cause());
        assertEquals(0.0, s.dischargeFraction(now));
        advance(s, 1000);
        assertInstanceOf(LomState.Tripped.class, s.state(), "no reading: stays latched");
    }

    @Test
    void underFrequencyStageOneTripsOnlyAfterItsClearingTime() {
        SiteSupervisor s = site(Optional.empty());
        reading(s, "cs1", 120, 58.0);
        advance(s, 299);
        assertInstanceOf(LomState.Normal.class, s.state(), "ride-through inside the 300 s clearing time");
        advance(s, 2);
        assertInstanceOf(LomState.Tripped.class, s.state());
    }

    @Test
    void rocofTripsWhenSustainedForTheDelay() {
        SiteSupervisor s = site(Optional.empty());
        Instant t0 = now;
        s.on(new GridSignal.Reading("cs1", 120.0, 60.0, t0), now);
        s.on(new GridSignal.Reading("cs1", 120.0, 59.8, t0.plusMillis(100)), now);
        assertInstanceOf(LomState.Normal.class, s.state(), "2 Hz/s for 0.1 s is shorter than the 0.5 s delay");
        s.on(new GridSignal.Reading("cs1", 120.0, 59.5, t0.plusMillis(300)), now);
        s.on(new GridSignal.Reading("cs1", 120.0, 59.0, t0.plusMillis(600)), now);
        assertInstanceOf(LomState.Tripped.class, s.state());
        assertTrue(transitions.getLast().cause().startsWith("RoCoF"), transitions.getLast().cause());
    }

    @Test
    void voltageSagBeyondUv2Trips() {
        SiteSupervisor s = site(Optional.empty());
        reading(s, "cs1", 0.40 * 120, 60);
        assertInstanceOf(LomState.Tripped.class, s.state());
    }

    @Test
    void islandAlarmTripsAndExportWaitsForTheAlarmToEnd() {
        SiteSupervisor s = site(Optional.empty());
        s.on(new GridSignal.DerAlarm("cs1", "PowerMonitoringMustTrip", "LocalEmergency", false, "islanded", now), now);
        assertInstanceOf(LomState.Tripped.class, s.state());
        reading(s, "cs1", 120, 60);
        assertInstanceOf(LomState.Tripped.class, s.state(), "alarm still active");
        s.on(new GridSignal.DerAlarm("cs1", "PowerMonitoringMustTrip", "LocalEmergency", true, null, now), now);
        assertInstanceOf(LomState.WaitingToReenter.class, s.state());
    }

    @Test
    void fullCycleWaitsTheDelayThenRampsNoFasterThanThePreset() {
        SiteSupervisor s = site(Optional.empty());
        reading(s, "cs1", 120, 56.0);
        reading(s, "cs1", 120, 60.0);
        assertInstanceOf(LomState.WaitingToReenter.class, s.state());
        advance(s, 299);
        assertEquals(0.0, s.dischargeFraction(now));
        advance(s, 1);
        assertInstanceOf(LomState.Ramping.class, s.state());
        advance(s, 30);
        assertEquals(0.1, s.dischargeFraction(now), 1e-3, "0.333 %/s for 30 s");
        advance(s, 271);
        assertInstanceOf(LomState.Normal.class, s.state());
        assertEquals(List.of("TRIPPED", "WAITING_TO_REENTER", "RAMPING", "NORMAL"), states());
    }

    @Test
    void aFlapInsideTheDelayRestartsTheTimer() {
        SiteSupervisor s = site(Optional.empty());
        reading(s, "cs1", 120, 56.0);
        reading(s, "cs1", 120, 60.0);
        advance(s, 200);
        reading(s, "cs1", 120, 59.4);
        assertInstanceOf(LomState.WaitingToReenter.class, s.state());
        assertEquals(null, ((LomState.WaitingToReenter) s.state()).insideSince(), "outside the window: timer stopped");
        advance(s, 10);
        reading(s, "cs1", 120, 60.0);
        advance(s, 299);
        assertInstanceOf(LomState.WaitingToReenter.class, s.state(), "299 s since the flap ended");
        advance(s, 1);
        assertInstanceOf(LomState.Ramping.class, s.state());
        assertEquals(List.of("TRIPPED", "WAITING_TO_REENTER", "WAITING_TO_REENTER", "RAMPING"), states());
    }

    @Test
    void aTripWhileRampingGoesBackToZero() {
        SiteSupervisor s = site(Optional.empty());
        reading(s, "cs1", 120, 56.0);
        reading(s, "cs1", 120, 60.0);
        advance(s, 300);
        advance(s, 60);
        assertTrue(s.dischargeFraction(now) > 0.19);
        reading(s, "cs1", 150, 60.0);
        assertInstanceOf(LomState.Tripped.class, s.state());
        assertEquals(0.0, s.dischargeFraction(now));
    }

    @Test
    void silentGridMeterTripsAndOnlyItsReadingsCount() {
        SiteSupervisor s = site(Optional.of("meter"));
        reading(s, "meter", 120, 60);
        advance(s, 4);
        reading(s, "cs1", 120, 60);
        advance(s, 2);
        assertInstanceOf(LomState.Tripped.class, s.state(), "another station's reading does not feed the meter");
        assertTrue(transitions.getLast().cause().contains("silent"));
        reading(s, "cs1", 120, 56);
        assertEquals(1, transitions.size(), "readings of other stations are not supervised when a meter is set");
        reading(s, "meter", 120, 60);
        assertInstanceOf(LomState.WaitingToReenter.class, s.state());
    }

    @Test
    void tenMinuteMeanOverVoltageTripsUnderVde() throws IOException {
        SiteSupervisor s = new SiteSupervisor("de", codes.get("vde-ar-n-4105"), Optional.empty(),
                Duration.ofSeconds(5), new LomState.Normal(now), transitions::add);
        for (int i = 0; i < 10; i++) {
            reading(s, "cs1", 1.12 * 230, 50);
            advance(s, 60);
        }
        assertInstanceOf(LomState.Tripped.class, s.state());
        assertTrue(transitions.getLast().cause().contains("10-minute mean"));
    }

    @Test
    void journalResumesATrippedSiteTripped() {
        LossOfMainsJournal journal = LossOfMainsJournal.inMemory();
        java.time.Clock clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC);
        LossOfMainsSupervisor first = new LossOfMainsSupervisor(journal, clock, t -> {}, t -> {});
        first.add("s1", ieee, org.v2gcsms.gridsafety.site.SiteGridSettings.defaults("s1"));
        first.on("s1", new GridSignal.DerAlarm("cs1", "LFMustTrip", "UnderFrequency", false, null, now));
        LossOfMainsSupervisor restarted = new LossOfMainsSupervisor(journal, clock, t -> {}, t -> {});
        assertInstanceOf(LomState.Tripped.class, restarted.add("s1", ieee,
                org.v2gcsms.gridsafety.site.SiteGridSettings.defaults("s1")));
        assertEquals(0.0, restarted.dischargeFraction("s1"));
        assertEquals(Map.of(), Map.of());
    }
}
