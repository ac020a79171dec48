package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint — sites and grid safety included — with broken bodies, odd path segments and query parameters,
 * as an admin: never a 5xx, and every error is JSON with a message; then the session and site writes and
 * filters, on a real session and site, each bad input answered 4xx naming the field. (Stations are offline
 * here, so no 502/504 from a station either.)
 */
class BadInputFuzzTest {
    private static final List<String> BODIES = List.of("", "null", "[]", "{", "{\"a\":", "123", "\"text\"",
            "{\"id\":5}", "{\"type\":[]}", "{\"evseId\":1e400}", "{\"evseId\":-1.5}", "{\"status\":{}}",
            "{\"url\":\"ftp://x\"}", "{\"role\":null,\"name\":\"\"}", "{\"registrationStatus\":1}",
            "{\"requestId\":99999999999999999999}", "{} {}", "{\"a\":1,}", "\u0000\u0001",
            "{\"expiresAt\":\"2026-13-45T99:00:00Z\"}", "{\"password\":12345678901234567890}",
            "[" .repeat(5000), "{\"a\":" .repeat(3000));
    private static final List<String> SEGMENTS = List.of("x", "CS-FUZZ", "..", "%00", "%E2%82%AC", "%2F",
            "a".repeat(3000), "Reset", "ISO14443", "BootNotification", "%20", "-1", ApiFixture.SITE, "CS-1", "TX-1");
    /** The session the targeted cases address; not among the fuzz's segments, so the fuzz leaves it alone. */
    private static final String SESSION = "/api/v1/sessions/CS-2/TX-2";

    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        csms = ApiFixture.withSite();
        for (String[] session : new String[][] {{"CS-1", "TX-1"}, {"CS-2", "TX-2"}}) {
            TestStation station = csms.station(session[0], "ocpp2.1");
            station.ok("TransactionEvent", Tx.withSoc("Started", session[1], 0, Instant.now(), 1000, 11000, 40));
            station.closeBlocking(); // the session stays active; commands find the station offline
        }
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    @Test
    void noClientInputEverGetsA5xx() throws Exception {
        Random random = new Random(8);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Endpoint e : csms.api.router().endpoints()) {
            if (e.path().text().equals("/api/v1/events")) {
                continue; // a stream: it never ends by itself
            }
            for (int round = 0; round < 12; round++) {
                String path = fill(e.path().text(), random);
                if (random.nextBoolean()) {
                    path += "?limit=" + enc(SEGMENTS.get(random.nextInt(SEGMENTS.size()))) + "&since="
                            + enc(BODIES.get(random.nextInt(BODIES.size()))) + "&state=x&kind=%00&from=1";
                }
                String body = e.isWrite() ? BODIES.get(random.nextInt(BODIES.size())) : null;
                ApiFixture.Answer a = csms.send(e.method(), path, ApiFixture.ADMIN_KEY, body);
                requests++;
                if (a.status() == 431 && path.length() > 4000) {
                    continue; // over the server's 4 KiB request line: its own plain 431, before the API
                }
                if (a.status() >= 500 || (a.status() >= 400 && !isJsonError(a))) {
                    failures.add(e.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " body="
                            + (body == null ? null : body.substring(0, Math.min(body.length(), 40))) + " -> "
                            + a.status() + " " + a.text());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " requests failed:\n"
                + String.join("\n", failures));
    }

    /**
     * A request that must be refused with this status, its error naming this field (null: none to name) and
     * mentioning {@code mentions} in its message.
     */
    record Bad(String method, String path, String body, int status, String field, String mentions) {
        Bad(String method, String path, String body, int status, String field) {
            this(method, path, body, status, field, field == null || field.equals("body") ? "" : field);
        }
    }

    @Test
    void badSessionAndSiteInputIsRefusedNamingTheField() throws Exception {
        List<Bad> cases = new ArrayList<>();
        String soc = SESSION + "/target-soc";
        String limits = "/api/v1/sites/" + ApiFixture.SITE + "/limits";
        for (String[] write : new String[][] {{soc, "targetSoc"}, {limits, "importLimitKw"},
                {limits, "exportLimitKw"}}) {
            for (String value : List.of("\"high\"", "true", "[50]", "{\"kw\":5}", "-1", "-0.5", "1e400", "-1e400",
                    "1e9", "99999999999999999999999")) {
                cases.add(new Bad("PUT", write[0], "{\"" + write[1] + "\":" + value + "}", 400, write[1]));
            }
            // Not JSON numbers: the body is not JSON, and the error says where it broke.
            for (String value : List.of("NaN", "Infinity", "-Infinity", "0x10", "1.", "+5", "")) {
                cases.add(new Bad("PUT", write[0], "{\"" + write[1] + "\":" + value + "}", 400, "body", write[1]));
            }
        }
        cases.add(new Bad("PUT", soc, "{\"targetSoc\":0}", 400, "targetSoc"));
        cases.add(new Bad("PUT", soc, "{\"targetSoc\":null}", 400, "targetSoc"));
        cases.add(new Bad("PUT", soc, "{\"target\":80}", 400, "targetSoc"));
        cases.add(new Bad("PUT", limits, "{}", 400, "importLimitKw"));
        cases.add(new Bad("PUT", limits, "{\"importLimitKw\":null,\"exportLimitKw\":null}", 400, "importLimitKw"));
        for (String path : List.of(soc, limits)) {
            for (String body : List.of("", "null", "[]", "\"text\"", "42", "{} {}", "{\"a\":1,}", "\u0000")) {
                cases.add(new Bad("PUT", path, body, 400, "body"));
            }
            cases.add(new Bad("PUT", path, "{\"a\":" .repeat(3000), 400, "body"));
            cases.add(new Bad("PUT", path, "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", 413, null));
        }
        cases.add(new Bad("PUT", "/api/v1/sessions/CS-2/NOPE/target-soc", "{\"targetSoc\":80}", 404, null));
        cases.add(new Bad("PUT", "/api/v1/sessions/NOPE/TX-2/target-soc", "{\"targetSoc\":80}", 404, null));
        cases.add(new Bad("PUT", "/api/v1/sites/NOPE/limits", "{\"importLimitKw\":80}", 404, null));
        cases.add(new Bad("GET", SESSION + "X", null, 404, null));
        cases.add(new Bad("GET", "/api/v1/sessions/CS-2/NOPE/timeline", null, 404, null));
        String history = "/api/v1/sessions/history?";
        for (String[] query : new String[][] {{"limit", "abc"}, {"limit", "0"}, {"limit", "-5"}, {"limit", "1001"},
                {"limit", "99999999999"}, {"limit", "1.5"}, {"from", "yesterday"}, {"from", "2026-13-45T99:00:00Z"},
                {"to", "1700000000"}, {"to", "2026-01-01"}, {"endReason", "Tired"}, {"endReason", "%00"}}) {
            cases.add(new Bad("GET", history + query[0] + "=" + query[1], null, 400, query[0]));
        }
        cases.add(new Bad("GET", history + "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", null, 400, "to"));
        for (String path : List.of("/api/v1/sites/" + ApiFixture.SITE + "/dispatches",
                "/api/v1/sites/" + ApiFixture.SITE + "/loss-of-mains")) {
            for (String limit : List.of("x", "0", "-1", "1e3", "99999999999")) {
                cases.add(new Bad("GET", path + "?limit=" + limit, null, 400, "limit"));
            }
        }
        cases.add(new Bad("GET", "/api/v1/sites/NOPE", null, 404, null));
        cases.add(new Bad("GET", "/api/v1/sites/NOPE/power", null, 404, null));
        cases.add(new Bad("GET", "/api/v1/stations/NOPE/setpoints", null, 404, null));

        JsonObject sessionBefore = csms.get(SESSION, ApiFixture.ADMIN_KEY).object();
        JsonObject siteBefore = csms.get("/api/v1/sites/" + ApiFixture.SITE, ApiFixture.ADMIN_KEY).object();
        List<String> failures = new ArrayList<>();
        for (Bad c : cases) {
            ApiFixture.Answer a = csms.send(c.method(), c.path(), ApiFixture.ADMIN_KEY, c.body());
            String field = a.status() >= 400 && isJsonError(a) && a.object().has("field")
                    ? a.object().get("field").getAsString() : null;
            boolean named = c.field() == null || (c.field().equals(field)
                    && a.object().get("error").getAsString().contains(c.mentions()));
            if (a.status() != c.status() || !named || !isJsonError(a)) {
                failures.add(c.method() + " " + c.path() + " body=" + (c.body() == null ? null
                        : c.body().substring(0, Math.min(c.body().length(), 40))) + " -> " + a.status() + " "
                        + a.text().substring(0, Math.min(a.text().length(), 300)) + " (wanted " + c.status() + " "
                        + c.field() + ")");
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " refused wrongly:\n"
                + String.join("\n", failures));

        JsonObject session = csms.get(SESSION, ApiFixture.ADMIN_KEY).object();
        assertEquals(sessionBefore.get("targetSoc"), session.get("targetSoc"), "no bad input changed the target");
        JsonObject site = csms.get("/api/v1/sites/" + ApiFixture.SITE, ApiFixture.ADMIN_KEY).object();
        assertEquals(siteBefore.get("importLimitKw"), site.get("importLimitKw"), "no bad input changed the limits");
        assertEquals(siteBefore.get("exportLimitKw"), site.get("exportLimitKw"));
    }

    @Test
    void unknownPathsAndMethodsAreJson404And405() throws Exception {
        ApiFixture.Answer missing = csms.get("/api/v2/whatever", ApiFixture.ADMIN_KEY);
        assertTrue(missing.status() == 404 && missing.object().has("error"));
        ApiFixture.Answer method = csms.send("PATCH", "/api/v1/stations", ApiFixture.ADMIN_KEY, "{}");
        assertTrue(method.status() == 405 && method.headers().firstValue("Allow").orElse("").contains("GET"));
        ApiFixture.Answer tooLong = csms.get("/api/v1/stations?x=" + "a".repeat(10_000), ApiFixture.ADMIN_KEY);
        assertTrue(tooLong.status() == 431, "the server refuses a request line over its limit: " + tooLong.status());
    }

    private static boolean isJsonError(ApiFixture.Answer a) {
        try {
            return a.object().has("error");
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static String fill(String template, Random random) {
        StringBuilder out = new StringBuilder();
        for (String s : template.substring(1).split("/")) {
            out.append('/').append(s.startsWith("{") ? SEGMENTS.get(random.nextInt(SEGMENTS.size())) : s);
        }
        return out.toString();
    }

    /** Encoded, and short enough for the server's 4 KiB request line (longer ones get its 431). */
    private static String enc(String s) {
        return URLEncoder.encode(s.length() > 300 ? s.substring(0, 300) : s, StandardCharsets.UTF_8);
    }
}
