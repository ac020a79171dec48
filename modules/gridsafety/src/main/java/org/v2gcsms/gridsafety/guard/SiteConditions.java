package org.v2gcsms.gridsafety.guard;

import java.util.Optional;
import org.v2gcsms.gridsafety.preset.GridCode;

/**
 * The site-wide facts the guard applies at one instant.
 *
 * @param gridCode       the site's preset with its overrides; empty: the site has none, discharge disabled
 * @param importLimitKw  most the site may draw
 * @param exportLimitKw  most it may feed back by its connection agreement (the preset's limit also applies)
 * @param socMinPercent  lowest SoC discharge may reach
 * @param socMaxPercent  highest SoC charging may reach
 * @param dischargeFraction the loss-of-mains cap: 0 tripped or waiting, (0,1) ramping, 1 normal
 * @param lossOfMainsReason the clamp recorded when {@code dischargeFraction} limits a setpoint
 */
public record SiteConditions(String siteId, Optional<GridCode> gridCode, double importLimitKw, double exportLimitKw,
                             double socMinPercent, double socMaxPercent, double dischargeFraction,
                             ClampReason lossOfMainsReason) {

    public SiteConditions {
        if (!(dischargeFraction >= 0 && dischargeFraction <= 1)) {
            throw new IllegalArgumentException("discharge fraction is within 0..1, not " + dischargeFraction);
        }
    }

    /** The export the site may reach: its own limit and its grid code's, the lower. */
    public double effectiveExportKw() {
        return gridCode.map(g -> Math.min(g.exportLimitKw(), exportLimitKw)).orElse(0.0);
    }
}
