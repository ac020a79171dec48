package org.v2gcsms.conformance.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OCPP 2.0.1 certification profiles (Part 5, Edition 3) and the CSMS test case ids under each, as in
 * digest §8.1, plus our own OCPP 2.1 V2X/DER cases. The order is the order the harness runs and reports them.
 */
public enum Profiles {
    CORE("core", "Core", """
            A 01-04,06,09,10,19; B 01,02,06,07,09,10,12,13,20-22,25-27,30,31,42,44; C 02,06-08,20,37-39,47-49;
            E 01-04,07-12,14-17,19-22,26,29-31,33,34,38,39,53; F 01-04,06,11-15,18,20,23,24,27; G 03-08,11,14,17,20;
            J 01-04,07-11; L 01-11,13; M 01,02,05,12,13,17-21; N 25,27-32,34-36,62; P 02,03"""),
    SMART_CHARGING("smart-charging", "Smart Charging",
            "K 01-06,08,10,15,19,29-37,43,44,60,70"),
    ADVANCED_SECURITY("advanced-security", "Advanced Security", "A 07,08,11,14"),
    LOCAL_AUTH_LIST("local-auth-list", "Local Authorization List Management", "C 40,43; D 01-04,08,09; N 46"),
    RESERVATION("reservation", "Reservation", "H 01,07,08,14,15,17,19,20,22"),
    ADVANCED_DEVICE_MANAGEMENT("advanced-device-management", "Advanced Device Management",
            "B 12,14,18; N 01-03,05,08,09,16-18,21,24,44,47-50,60"),
    ADVANCED_UI("advanced-ui", "Advanced User Interface", "I 01,02; O 01-14,17-19,26-28"),
    ISO15118("iso15118", "ISO 15118 support", """
            A 12,13; C 50-52; K 01-06,08,10,19,29-36,43,44,53,55,57-60; M 03,04,14-16,24,26,28; N 63"""),
    UNLISTED("unlisted", "Not under any profile", "B 08; K 48,50-52; L 17,19-24; O 25"),
    V2X("v2x", "OCPP 2.1 bidirectional and DER (our own cases)", "");

    /** Every OCPP 2.0.1 CSMS test case of Part 6 Edition 3 (digest §8), 251 ids. */
    public static final Set<String> ALL_OCTT = ids("""
            A 01-04,06-14,19; B 01,02,06-10,12-14,18,20-22,25-27,30,31,42,44; C 02,06-08,20,37-40,43,47-52;
            D 01-04,08,09; E 01-04,07-12,14-17,19-22,26,29-31,33,34,38,39,53; F 01-04,06,11-15,18,20,23,24,27;
            G 03-08,11,14,17,20; H 01,07,08,14,15,17,19,20,22; I 01,02; J 01-04,07-11;
            K 01-06,08,10,15,19,29-37,43,44,48,50-53,55,57-60,70; L 01-11,13,17,19-24;
            M 01-05,12-21,24,26,28; N 01-03,05,08,09,16-18,21,24,25,27-32,34-36,44,46-50,60,62,63;
            O 01-14,17-19,25-28; P 02,03""");

    /** Our own OCPP 2.1 case names (no official list exists); each is a test method of that name. */
    public static final Set<String> V2X_CASES = new LinkedHashSet<>(List.of(
            "V2X_01_ChargingNeedsToCentralSetpoint", "V2X_02_DischargeLimitedByGridCode",
            "V2X_03_LossOfMainsTripZeroDischarge", "V2X_04_EnterServiceAfterDelay",
            "V2X_05_DerControlPushedReadBackCleared"));

    private final String key;
    private final String title;
    private final Set<String> ids;

    Profiles(String key, String title, String spec) {
        this.key = key;
        this.title = title;
        this.ids = ids(spec);
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The test ids of this profile, in order (V2X's from {@link #V2X_CASES}: a constructor cannot read it). */
    public Set<String> ids() {
        return this == V2X ? V2X_CASES : ids;
    }

    public static Profiles byKey(String key) {
        for (Profiles p : values()) {
            if (p.key.equals(key.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + key + "'; known: " + keys());
    }

    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Profiles p : values()) {
            keys.add(p.key);
        }
        keys.add("all");
        return keys;
    }

    /** The profiles a test id belongs to, in order. */
    public static List<Profiles> of(String id) {
        List<Profiles> out = new ArrayList<>();
        for (Profiles p : values()) {
            if (p.ids().contains(id)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Parses "A 01-04,06; B 01" into TC_A_01_CSMS … */
    static Set<String> ids(String spec) {
        Set<String> out = new LinkedHashSet<>();
        for (String block : spec.replace("\n", " ").split(";")) {
            String b = block.strip();
            if (b.isEmpty()) {
                continue;
            }
            String letter = b.substring(0, 1);
            for (String part : b.substring(1).strip().split(",")) {
                String[] range = part.strip().split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                for (int n = from; n <= to; n++) {
                    out.add(String.format("TC_%s_%02d_CSMS", letter, n));
                }
            }
        }
        return out;
    }

    /** Every id of the given profiles, in profile order, each once. */
    public static Set<String> idsOf(List<Profiles> profiles) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Profiles p : profiles) {
            p.ids().forEach(id -> out.put(id, true));
        }
        return out.keySet();
    }
}
