package org.v2gcsms.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.v2gcsms.conformance.harness.Profiles;

/** Every official CSMS test id and each of our V2X cases has exactly one case, found as the harness finds it. */
class CaseCatalogueTest {

    private static List<String> discoveredCaseNames() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.v2gcsms.conformance.cases")).build());
        List<String> names = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier t : plan.getDescendants(root)) {
                if (t.isTest()) {
                    names.add(((MethodSource) t.getSource().orElseThrow()).getMethodName());
                }
            }
        }
        return names;
    }

    @Test
    void theOfficialListHas251IdsAndCoreHas133() {
        assertEquals(251, Profiles.ALL_OCTT.size());
        assertEquals(133, Profiles.CORE.ids().size());
        assertTrue(Profiles.ALL_OCTT.containsAll(Profiles.idsOf(List.of(Profiles.values())).stream()
                .filter(id -> id.startsWith("TC_")).toList()), "every profile id is an official id");
    }

    @Test
    void everyOfficialIdIsUnderAProfileOrListedAsUnlisted() {
        Set<String> inProfiles = new HashSet<>(Profiles.idsOf(List.of(Profiles.values())));
        Set<String> orphans = new LinkedHashSet<>(Profiles.ALL_OCTT);
        orphans.removeAll(inProfiles);
        assertEquals(Set.of(), orphans);
    }

    @Test
    void eachIdHasExactlyOneCase() {
        List<String> names = discoveredCaseNames();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = names.stream().filter(n -> !seen.add(n)).toList();
        assertEquals(List.of(), duplicates, "ids implemented twice");
        Set<String> expected = new LinkedHashSet<>(Profiles.ALL_OCTT);
        expected.addAll(Profiles.V2X_CASES);
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing, "ids without a case");
        Set<String> unknown = new LinkedHashSet<>(seen);
        unknown.removeAll(expected);
        assertEquals(Set.of(), unknown, "cases named after no known id");
    }
}
