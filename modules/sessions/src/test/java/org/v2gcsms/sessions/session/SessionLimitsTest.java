package org.v2gcsms.sessions.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits placed by station pattern, as the site and station-group config lists stations. */
class SessionLimitsTest {
    private static final MaxDuration THIRTY = MaxDuration.parse("30m");
    private static final MaxDuration TWENTY = MaxDuration.parse("20m");

    @Test
    void aSiteListingAPrefixGivesItsLimitToEveryStationStartingWithIt() {
        SessionLimits limits = SessionLimits.defaults().withSiteStations("depot", List.of("SIM-*", "CS-9"))
                .withSite("depot", THIRTY);
        assertEquals(THIRTY, limits.limitFor("SIM-0001"));
        assertEquals(THIRTY, limits.limitFor("CS-9"));
        assertEquals(MaxDuration.DEFAULT, limits.limitFor("CS-90"), "an id without * is exact");
        assertEquals(MaxDuration.DEFAULT, limits.limitFor("XSIM-1"));
        assertEquals("depot", limits.site("SIM-7").orElseThrow());
        assertTrue(limits.site("OTHER").isEmpty());
    }

    @Test
    void aGroupWinsOverTheSiteAndAGroupOrSiteWithoutALimitFallsThrough() {
        SessionLimits limits = SessionLimits.defaults()
                .withSiteStations("depot", List.of("SIM-*")).withSite("depot", THIRTY)
                .withGroupStations("taxi", List.of("SIM-T*")).withGroup("taxi", TWENTY)
                .withGroupStations("fleet", List.of("SIM-F*")).withGroup("fleet", MaxDuration.OFF)
                .withGroupStations("unlimited-by-nothing", List.of("SIM-N*"))
                .withSiteStations("plain", List.of("P-*"));
        assertEquals(TWENTY, limits.limitFor("SIM-T1"));
        assertEquals(MaxDuration.OFF, limits.limitFor("SIM-F1"));
        assertEquals(THIRTY, limits.limitFor("SIM-N1"), "a group that sets no limit leaves the site's");
        assertEquals(MaxDuration.DEFAULT, limits.limitFor("P-1"), "a site that sets no limit leaves the default");
        assertEquals(TWENTY, limits.withDefault(MaxDuration.OFF).limitFor("SIM-T1"));
        assertEquals(MaxDuration.OFF, limits.withDefault(MaxDuration.OFF).limitFor("ELSEWHERE"));
    }

    @Test
    void aStationListedByTwoSitesBelongsToTheFirstById() {
        SessionLimits limits = SessionLimits.defaults()
                .withSiteStations("b-site", List.of("CS-*")).withSite("b-site", TWENTY)
                .withSiteStations("a-site", List.of("CS-1*")).withSite("a-site", THIRTY);
        assertEquals("a-site", limits.site("CS-12").orElseThrow());
        assertEquals(THIRTY, limits.limitFor("CS-12"));
        assertEquals(TWENTY, limits.limitFor("CS-2"));
    }

    @Test
    void replacingASitesStationsMovesTheLimitWithThem() {
        SessionLimits before = SessionLimits.defaults().withSiteStations("depot", List.of("OLD-*"))
                .withSite("depot", THIRTY);
        SessionLimits after = before.withSiteStations("depot", List.of("NEW-*"));
        assertEquals(THIRTY, after.limitFor("NEW-1"));
        assertEquals(MaxDuration.DEFAULT, after.limitFor("OLD-1"));
        assertEquals(THIRTY, before.limitFor("OLD-1"), "limits are values: the old one is unchanged");
    }
}
