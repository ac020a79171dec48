package org.v2gcsms.control.planner;

import java.util.Locale;

/**
 * The OR-Tools LP engines the planner can use. HiGHS is the default: it was the fastest on the planner's own
 * problem here (docs/performance.md, "Planner"); GLOP and CLP give the same optima.
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
