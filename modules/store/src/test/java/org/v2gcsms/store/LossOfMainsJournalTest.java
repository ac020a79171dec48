package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.v2gcsms.gridsafety.lom.GridSignal;
import org.v2gcsms.gridsafety.lom.LomState;
import org.v2gcsms.gridsafety.lom.LomTransition;
import org.v2gcsms.gridsafety.lom.LossOfMainsSupervisor;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.gridsafety.preset.GridCodes;
import org.v2gcsms.gridsafety.site.SiteGridSettings;

class LossOfMainsJournalTest {
    private final Instant t0 = Instant.parse("2026-11-21T10:00:00.123456Z");

    @DatabaseTest
    void transitionsAreKeptPerSiteNewestFirst(Store store) {
        var journal = store.lossOfMainsJournal();
        journal.append(new LomTransition("a", "NORMAL", "TRIPPED", "NotifyDERAlarm LFMustTrip", t0));
        journal.append(new LomTransition("b", "NORMAL", "TRIPPED", "other site", t0.plusSeconds(1)));
        journal.append(new LomTransition("a", "TRIPPED", "WAITING_TO_REENTER", "x".repeat(1500), t0.plusSeconds(2)));
        List<LomTransition> a = journal.history("a", 10);
        assertEquals(List.of("WAITING_TO_REENTER", "TRIPPED"), a.stream().map(LomTransition::to).toList());
        assertEquals(t0, a.get(1).at());
        assertEquals(1000, a.get(0).cause().length());
        assertEquals("other site", journal.latest("b").orElseThrow().cause());
        assertEquals(List.of(), journal.history("c", 10));
    }

    /** The CSMS restarted while TRIPPED (a new supervisor over the same database) comes back TRIPPED. */
    @DatabaseTest
    void aSiteTrippedBeforeARestartResumesTripped(Store store, DatabaseConfig config) throws IOException {
        GridCode code = GridCodes.load(Path.of("../../config/gridcodes")).get("uk-g99");
        Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
        var before = new LossOfMainsSupervisor(store.lossOfMainsJournal(), clock, t -> {}, t -> {});
        before.add("site", code, SiteGridSettings.defaults("site"));
        before.on("site", new GridSignal.Reading("cs1", 230.0, 46.0, t0));
        assertInstanceOf(LomState.Tripped.class, before.site("site").orElseThrow().state());
        store.close();
        try (Store reopened = Store.open(config)) {
            var after = new LossOfMainsSupervisor(reopened.lossOfMainsJournal(), clock, t -> {}, t -> {});
            assertInstanceOf(LomState.Tripped.class, after.add("site", code, SiteGridSettings.defaults("site")));
            assertEquals(0.0, after.dischargeFraction("site"));
        }
    }
}
