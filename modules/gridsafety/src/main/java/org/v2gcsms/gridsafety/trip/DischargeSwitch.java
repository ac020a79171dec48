package org.v2gcsms.gridsafety.trip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.ClearDERControlRequest;
import org.v2gcsms.ocpp.v21.ClearDERControlResponse;
import org.v2gcsms.ocpp.v21.DERControlEnumType;
import org.v2gcsms.ocpp.v21.DERControlStatusEnumType;
import org.v2gcsms.ocpp.v21.LimitMaxDischargeType;
import org.v2gcsms.ocpp.v21.SetDERControlRequest;
import org.v2gcsms.ocpp.v21.SetDERControlResponse;

/**
 * Caps a site's discharge at the stations themselves, over the priority lane: a scheduled (non-default)
 * LimitMaxDischarge DER control at priority 0 with no start time, so it is in force the moment the station
 * accepts it. It is station-wide (every EVSE at once), needs no transaction (a session starting while tripped
 * is capped too), and sits outside the charging-profile stack, so no profile the planner sent before or sends
 * later can lift it. One control id per site: each new cap supersedes the last, and {@link #release} clears it.
 * Only OCPP 2.1 stations get it: 2.0.1 stations are charge-only and never discharge. A station that does not
 * take the cap (NotSupported, Rejected, no answer) is handed to the {@link CapRefused} fallback.
 */
public final class DischargeSwitch {
    private static final Logger log = LoggerFactory.getLogger(DischargeSwitch.class);

    private final PriorityLane lane;
    private final SiteStations stations;
    /** The cap in force per site, percent of rated discharge (absent: released). */
    private final Map<String, Double> capPct = new ConcurrentHashMap<>();
    /** How many caps each station was sent (and what it last answered), for the API and tests. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> sent = new ConcurrentHashMap<>();
    private final Map<String, String> lastAnswer = new ConcurrentHashMap<>();
    private final CapRefused refused;

    /** What to do for a station that did not accept a cap (it may still discharge otherwise). */
    @FunctionalInterface
    public interface CapRefused {
        void refused(String stationId, String siteId, double pct);
    }

    public DischargeSwitch(PriorityLane lane, SiteStations stations, CapRefused refused) {
        this.lane = lane;
        this.stations = stations;
        this.refused = refused;
    }

    /** The DER control id this site's cap uses (a UUID derived from the site id: 36 characters, as OCPP allows). */
    public static String controlId(String siteId) {
        return UUID.nameUUIDFromBytes(("loss-of-mains/" + siteId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Zero discharge at every 2.1 station of the site, ahead of any queued message. */
    public List<CompletableFuture<Object>> zero(String siteId) {
        return cap(siteId, 0);
    }

    /** Caps discharge at {@code pct} of each EVSE's rating at every 2.1 station of the site. */
    public List<CompletableFuture<Object>> cap(String siteId, double pct) {
        capPct.put(siteId, pct);
        List<String> ids = List.copyOf(stations.v21StationsOf(siteId));
        List<CompletableFuture<Object>> answers = lane.callFirstEach(ids, capRequest(siteId, pct));
        for (int i = 0; i < ids.size(); i++) {
            track(ids.get(i), siteId, pct, answers.get(i));
        }
        return answers;
    }

    /** Lifts the cap (the site is back to NORMAL): ClearDERControl of the site's control id. */
    public void release(String siteId) {
        if (capPct.remove(siteId) == null) {
            return;
        }
        List<String> ids = List.copyOf(stations.v21StationsOf(siteId));
        List<CompletableFuture<Object>> answers = lane.callFirstEach(ids,
                new ClearDERControlRequest(false, null, controlId(siteId), null));
        for (int i = 0; i < ids.size(); i++) {
            String s = ids.get(i);
            answers.get(i).whenComplete((r, e) -> {
                if (e != null || !(r instanceof ClearDERControlResponse c)
                        || c.status() != DERControlStatusEnumType.Accepted) {
                    log.warn("Station {} did not clear the loss-of-mains cap of site {}: {}", s, siteId,
                            e != null ? e.toString() : r);
                }
            });
        }
    }

    /** A station of the site (re)connected while a cap is in force: it gets the cap again before anything else. */
    public void reconnected(String stationId, String siteId) {
        Double pct = capPct.get(siteId);
        if (pct != null) {
            track(stationId, siteId, pct, lane.callFirst(stationId, capRequest(siteId, pct)));
        }
    }

    /** The cap in force at the site, if any. */
    public java.util.Optional<Double> capPct(String siteId) {
        return java.util.Optional.ofNullable(capPct.get(siteId));
    }

    /** How many discharge caps were sent to the station since start. */
    public int capsSent(String stationId) {
        var n = sent.get(stationId);
        return n == null ? 0 : n.get();
    }

    /** The station's answer to its latest cap ("Accepted 0.0 %", "failed: …"), if any. */
    public java.util.Optional<String> lastAnswer(String stationId) {
        return java.util.Optional.ofNullable(lastAnswer.get(stationId));
    }

    /** Sets the cap in force without sending it (a restart resuming a tripped site: stations get it as they connect). */
    public void restore(String siteId, double pct) {
        capPct.put(siteId, pct);
    }

    private static SetDERControlRequest capRequest(String siteId, double pct) {
        return new SetDERControlRequest(false, controlId(siteId), DERControlEnumType.LimitMaxDischarge, null, null,
                null, null, null, null, null, new LimitMaxDischargeType(0, pct, null, null, null, null), null);
    }

    /** Counts the cap sent and logs (and hands to the fallback) a station that does not take it. */
    private void track(String stationId, String siteId, double pct, CompletableFuture<Object> answer) {
        sent.computeIfAbsent(stationId, s -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        answer.whenComplete((r, e) -> {
            lastAnswer.put(stationId, e != null ? "failed: " + e : r instanceof SetDERControlResponse s
                    ? s.status().value() + " " + pct + " %" : String.valueOf(r));
            if (e != null) {
                log.error("Station {} at site {}: discharge cap {} % not confirmed: {}", stationId, siteId, pct,
                        e.toString());
            } else if (r instanceof SetDERControlResponse s && s.status() != DERControlStatusEnumType.Accepted) {
                log.error("Station {} at site {} answered {} to the discharge cap {} %", stationId, siteId,
                        s.status(), pct);
            }
            if (e != null || !(r instanceof SetDERControlResponse s) || s.status() != DERControlStatusEnumType.Accepted) {
                refused.refused(stationId, siteId, pct);
            }
        });
    }
}
