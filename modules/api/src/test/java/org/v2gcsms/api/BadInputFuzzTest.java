package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint with broken bodies, odd path segments and query parameters, as an admin: never a 5xx, and every
 * error is JSON with a message. (Stations are offline here, so no 502/504 from a station either.)
 */
class BadInputFuzzTest {
    private static final List<String> BODIES = List.of("", "null", "[]", "{", "{\"a\":", "123", "\"text\"",
            "{\"id\":5}", "{\"type\":[]}", "{\"evseId\":1e400}", "{\"evseId\":-1.5}", "{\"status\":{}}",
            "{\"url\":\"ftp://x\"}", "{\"role\":null,\"name\":\"\"}", "{\"registrationStatus\":1}",
            "{\"requestId\":99999999999999999999}", "{} {}", "{\"a\":1,}", "\u0000\u0001",
            "{\"expiresAt\":\"2026-13-45T99:00:00Z\"}", "{\"password\":12345678901234567890}",
            "[" .repeat(5000), "{\"a\":" .repeat(3000));
    private static final List<String> SEGMENTS = List.of("x", "CS-FUZZ", "..", "%00", "%E2%82%AC", "%2F",
            "a".repeat(3000), "Reset", "ISO14443", "BootNotification", "%20", "-1");

    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        csms = new ApiFixture();
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
