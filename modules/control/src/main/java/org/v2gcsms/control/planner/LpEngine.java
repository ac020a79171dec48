package org.v2gcsms.control.planner;

import java.util.Locale;

/**
 * The OR-Tools LP engines the planner can use. GLOP is the default: on the planner's own problem it matched
 * HiGHS at 1,000 EVs and was three times faster on small sites (docs/performance.md, "Planner"); all three give
 * the same optima.
 */
public enum LpEngine {
    HIGHS("HIGHS"), GLOP("GLOP"), CLP("CLP");

    private final String solverId;

    LpEngine(String solverId) {
        this.solverId = solverId;
    }

    String solverId() {
        return solverId;
    }

    public static LpEngine parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LP engine must be one of highs, glop, clp, not '" + name + "'");
        }
    }
}
