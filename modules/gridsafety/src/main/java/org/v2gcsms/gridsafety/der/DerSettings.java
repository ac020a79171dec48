package org.v2gcsms.gridsafety.der;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.v2gcsms.gridsafety.preset.GridCode;
import org.v2gcsms.ocpp.v21.DERControlEnumType;
import org.v2gcsms.ocpp.v21.DERCurvePointsType;
import org.v2gcsms.ocpp.v21.DERCurveType;
import org.v2gcsms.ocpp.v21.DERUnitEnumType;
import org.v2gcsms.ocpp.v21.EnterServiceType;
import org.v2gcsms.ocpp.v21.FreqDroopType;
import org.v2gcsms.ocpp.v21.GradientType;
import org.v2gcsms.ocpp.v21.ReactivePowerParamsType;
import org.v2gcsms.ocpp.v21.SetDERControlRequest;
import org.v2gcsms.ocpp.v21.VoltageParamsType;

/**
 * A grid-code preset as OCPP 2.1 default DER controls (isDefault = true: in force whenever no scheduled
 * control of the type is, including while the station has lost the CSMS): the four must-trip curves
 * (x = clearing time s, y = % of nominal voltage or Hz, shortest time first), EnterService (window in V and Hz,
 * delay, ramp as the time to full power), Gradients (normal and soft-start ramps as times to full power),
 * FreqDroop (start frequencies = nominal ± deadband) and VoltVar where the code has a curve. Control ids are
 * derived from the site and type, so pushing again replaces rather than adds.
 */
public final class DerSettings {
    private DerSettings() {}

    public static String controlId(String siteId, DERControlEnumType type) {
        return UUID.nameUUIDFromBytes(("der/" + siteId + "/" + type.value()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static List<SetDERControlRequest> of(String siteId, GridCode code) {
        List<SetDERControlRequest> out = new ArrayList<>();
        mustTrip(out, siteId, DERControlEnumType.HVMustTrip, code.voltageTrips(), GridCode.Side.OVER, 100,
                DERUnitEnumType.PctEffectiveV, code);
        mustTrip(out, siteId, DERControlEnumType.LVMustTrip, code.voltageTrips(), GridCode.Side.UNDER, 100,
                DERUnitEnumType.PctEffectiveV, code);
        mustTrip(out, siteId, DERControlEnumType.HFMustTrip, code.frequencyTrips(), GridCode.Side.OVER, 1,
                DERUnitEnumType.Not_Applicable, code);
        mustTrip(out, siteId, DERControlEnumType.LFMustTrip, code.frequencyTrips(), GridCode.Side.UNDER, 1,
                DERUnitEnumType.Not_Applicable, code);
        GridCode.EnterService es = code.enterService();
        out.add(request(siteId, DERControlEnumType.EnterService).enterService(new EnterServiceType(0,
                code.volts(es.highPu()), code.volts(es.lowPu()), es.highHz(), es.lowHz(), es.delayS(), 0.0,
                secondsToFull(code.enterServiceRampPctPerS()), null)).build());
        out.add(request(siteId, DERControlEnumType.Gradients).gradient(new GradientType(0,
                secondsToFull(code.normalRampPctPerS()), secondsToFull(code.enterServiceRampPctPerS()))).build());
        GridCode.Droop d = code.droop();
        out.add(request(siteId, DERControlEnumType.FreqDroop).freqDroop(new FreqDroopType(0,
                code.nominalHertz() + d.deadbandHz(), code.nominalHertz() - d.deadbandHz(), d.overDroop(),
                d.underDroop(), d.responseS())).build());
        code.voltVar().ifPresent(vv -> {
            List<DERCurvePointsType> points = new ArrayList<>();
            for (int i = 0; i < vv.vPu().length; i++) {
                points.add(new DERCurvePointsType(round(vv.vPu()[i] * 100), round(vv.qPu()[i] * 100)));
            }
            out.add(request(siteId, DERControlEnumType.VoltVar).curve(new DERCurveType(points, null, 0,
                    new ReactivePowerParamsType(100.0, false, null, null), null, DERUnitEnumType.PctMaxVar,
                    vv.responseS(), null, null, null)).build());
        });
        return out;
    }

    private static void mustTrip(List<SetDERControlRequest> out, String siteId, DERControlEnumType type,
                                 List<GridCode.Trip> trips, GridCode.Side side, double scale, DERUnitEnumType unit,
                                 GridCode code) {
        List<DERCurvePointsType> points = trips.stream().filter(t -> t.side() == side)
                .sorted(Comparator.comparingDouble(GridCode.Trip::clearingS))
                .map(t -> new DERCurvePointsType(t.clearingS(), round(t.threshold() * scale))).toList();
        if (points.isEmpty()) {
            return;
        }
        VoltageParamsType tenMinute = type == DERControlEnumType.HVMustTrip && code.overVoltage10MinPu().isPresent()
                ? new VoltageParamsType(round(code.overVoltage10MinPu().get() * 100), null, null, null) : null;
        out.add(request(siteId, type).curve(new DERCurveType(points, null, 0, null, tenMinute, unit, 0.0, null,
                null, null)).build());
    }

    /** A ramp in %/s as OCPP gives it: the time from 0 to full power. */
    static double secondsToFull(double pctPerS) {
        return round(100 / pctPerS);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Builder request(String siteId, DERControlEnumType type) {
        return new Builder(siteId, type);
    }

    /** SetDERControl has one payload field per kind; the builder sets exactly one. */
    private static final class Builder {
        private final String siteId;
        private final DERControlEnumType type;
        private DERCurveType curve;
        private EnterServiceType enterService;
        private FreqDroopType freqDroop;
        private GradientType gradient;

        Builder(String siteId, DERControlEnumType type) {
            this.siteId = siteId;
            this.type = type;
        }

        Builder curve(DERCurveType c) {
            curve = c;
            return this;
        }

        Builder enterService(EnterServiceType e) {
            enterService = e;
            return this;
        }

        Builder freqDroop(FreqDroopType f) {
            freqDroop = f;
            return this;
        }

        Builder gradient(GradientType g) {
            gradient = g;
            return this;
        }

        SetDERControlRequest build() {
            return new SetDERControlRequest(true, controlId(siteId, type), type, curve, enterService, null, null,
                    null, freqDroop, gradient, null, null);
        }
    }
}
