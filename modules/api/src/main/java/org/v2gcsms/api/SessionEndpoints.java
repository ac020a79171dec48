package org.v2gcsms.api;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.v2gcsms.sessions.session.EndReason;
import org.v2gcsms.sessions.session.Session;
import org.v2gcsms.sessions.session.SessionFilter;
import org.v2gcsms.sessions.session.SessionKey;
import org.v2gcsms.sessions.session.SessionManager;

/**
 * Sessions (one EV's stay at one EVSE): active ones, history, one with its EV needs and the time left before
 * the maximum session duration, its timeline; the target SoC. A session is addressed by station and
 * transaction id, as its transaction is.
 */
final class SessionEndpoints implements EndpointGroup {
    private static final String ONE = "/api/v1/sessions/{stationId}/{transactionId}";

    private final SessionManager sessions;
    private final Clock clock;

    SessionEndpoints(SessionManager sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/sessions", Role.VIEWER, q -> {
            Optional<String> station = q.query("stationId");
            List<Session> active = q.query("siteId").map(sessions::activeAtSite)
                    .orElseGet(() -> station.map(sessions::activeAt).orElseGet(sessions::active));
            Instant now = clock.instant();
            return Reply.ok(active.stream().filter(s -> station.map(s.stationId()::equals).orElse(true))
                    .map(s -> json(s, now)).toList());
        });
        r.get("/api/v1/sessions/history", Role.VIEWER, q -> {
            SessionFilter f = SessionFilter.all().limitedTo(q.intQuery("limit", SessionFilter.DEFAULT_LIMIT, 1, 1000));
            Instant from = q.instantQuery("from").orElse(null);
            Instant to = q.instantQuery("to").orElse(null);
            if (from != null && to != null && to.isBefore(from)) {
                throw ApiError.badInput("to", "to must not be before from");
            }
            f = f.atStations(q.query("stationId").map(Set::of).orElse(Set.of()))
                    .atSite(q.query("siteId").orElse(null))
                    .withIdToken(q.query("idToken").orElse(null))
                    .pluggedBetween(from, to)
                    .endedBecause(endReason(q).orElse(null));
            Instant now = clock.instant();
            return Reply.ok(sessions.history(f).stream().map(s -> json(s, now)).toList());
        });
        r.get(ONE, Role.VIEWER, q -> Reply.ok(json(find(q), clock.instant())));
        r.get(ONE + "/timeline", Role.VIEWER, q -> Reply.ok(sessions.timeline(find(q).key())));
        r.put(ONE + "/target-soc", Role.OPERATOR, q -> {
            Session s = find(q);
            double target = Fields.number(q.body(), "targetSoc", 1, 100);
            if (!s.active()) {
                throw new ApiError(409, "session " + s.key() + " has ended", null);
            }
            return Reply.ok(json(sessions.setTargetSoc(s.key(), target).orElseThrow(() ->
                    new ApiError(409, "session " + s.key() + " has ended", null)), clock.instant()));
        });
    }

    private Session find(ApiRequest q) {
        SessionKey key = new SessionKey(q.path("stationId"), q.path("transactionId"));
        return sessions.find(key).orElseThrow(() -> ApiError.notFound("no session " + key));
    }

    private static Optional<EndReason> endReason(ApiRequest q) {
        return q.query("endReason").map(v -> {
            for (EndReason e : EndReason.values()) {
                if (e.wire().equalsIgnoreCase(v) || e.name().equalsIgnoreCase(v)) {
                    return e;
                }
            }
            throw ApiError.badInput("endReason", "endReason must be one of "
                    + java.util.Arrays.stream(EndReason.values()).map(EndReason::wire).toList());
        });
    }

    /**
     * A session as the API shows it: every field, plus what follows from them now — the deadline of the maximum
     * duration and the time left before it, the departure deadline, the energy still needed.
     */
    static JsonObject json(Session s, Instant now) {
        JsonObject o = ApiJson.tree(s).getAsJsonObject();
        o.addProperty("endReason", s.endReason() == null ? null : s.endReason().wire());
        o.remove("maxDuration");
        o.addProperty("maxDurationMinutes", s.maxDuration() == null ? null : s.maxDuration().toSeconds() / 60.0);
        Optional<Instant> deadline = s.limitDeadline();
        o.addProperty("limitDeadline", deadline.map(Instant::toString).orElse(null));
        if (s.active() && deadline.isPresent()) {
            long left = Math.max(0, Duration.between(now, deadline.get()).toSeconds());
            o.addProperty("secondsLeft", left);
            o.addProperty("minutesLeft", Math.round(left / 6.0) / 10.0);
        } else {
            o.add("secondsLeft", null);
            o.add("minutesLeft", null);
        }
        o.addProperty("departureDeadline", s.departureDeadline().map(Instant::toString).orElse(null));
        o.addProperty("energyNeededWh", s.energyNeededWh().orElse(null));
        o.addProperty("active", s.active());
        return o;
    }
}
