package org.v2gcsms.conformance.kit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The CSMS's back-office API ({@code /api/v1}, see docs/api.md), used as a CPO would: to register stations and
 * tokens and to make the CSMS act where OCTT asks its operator to.
 */
public final class BackOffice {
    /** Actions with a typed command endpoint; others go through the generic {@code calls/{Action}}. */
    private static final Set<String> TYPED = Set.of("RequestStartTransaction", "RequestStopTransaction",
            "GetTransactionStatus", "Reset", "ChangeAvailability", "UnlockConnector", "TriggerMessage", "ClearCache",
            "GetVariables", "SetVariables", "GetBaseReport", "GetReport", "SetChargingProfile",
            "GetChargingProfiles", "ClearChargingProfile", "GetCompositeSchedule", "SendLocalList",
            "GetLocalListVersion", "ReserveNow", "CancelReservation", "SetDisplayMessage", "GetDisplayMessages",
            "ClearDisplayMessage", "UpdateFirmware", "GetLog", "DataTransfer", "SetDERControl", "GetDERControl",
            "ClearDERControl");

    private final URI base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public BackOffice(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** An HTTP answer: status and JSON body (null when the body is empty or not JSON). */
    public record Reply(int status, JsonElement body) {
        public JsonObject object() {
            if (body == null || !body.isJsonObject()) {
                throw new AssertionError("expected a JSON object from the API, got HTTP " + status + " " + body);
            }
            return body.getAsJsonObject();
        }

        /** This reply, after checking its status. */
        public Reply expect(int expected, String what) {
            if (status != expected) {
                throw new AssertionError(what + ": expected HTTP " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }

    /** Registers a security-profile-1 station with a Basic-auth password, booting into {@code registrationStatus}. */
    public void registerStation(String id, String password, String registrationStatus) {
        registerStation(id, 1, password, registrationStatus);
    }

    /** Registers a station on a security profile: 1 and 2 with a Basic-auth password, 3 without (null). */
    public void registerStation(String id, int securityProfile, String password, String registrationStatus) {
        JsonObject body = Json.obj("id", id, "securityProfile", securityProfile, "registrationStatus",
                registrationStatus);
        if (password != null) {
            body.addProperty("password", password);
        }
        Reply r = request("POST", "/api/v1/stations", body);
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("registering station " + id + " through the API failed: HTTP " + r.status()
                    + " " + r.body());
        }
    }

    public void setRegistration(String id, String registrationStatus) {
        request("PUT", "/api/v1/stations/" + id + "/registration", Json.obj("registrationStatus", registrationStatus))
                .expect(200, "changing the registration of " + id);
    }

    /** Creates or replaces an id token: {@code fields} as in docs/api.md (status, expiresAt, groupId). */
    public void putToken(String type, String idToken, JsonObject fields) {
        Reply r = request("PUT", "/api/v1/tokens/" + enc(type) + "/" + enc(idToken), fields);
        if (r.status() / 100 != 2) {
            throw new AssertionError("storing token " + idToken + " through the API failed: HTTP " + r.status() + " "
                    + r.body());
        }
    }

    /**
     * Makes the CSMS send {@code action} to a station (typed command where one exists, else the generic call);
     * completes when the station has answered and the API replied. Run it while the station script answers.
     */
    public CompletableFuture<Reply> command(String stationId, String action, JsonObject payload) {
        String path = TYPED.contains(action)
                ? "/api/v1/stations/" + stationId + "/commands/" + action.replace("DER", "Der")
                        .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)
                : "/api/v1/stations/" + stationId + "/calls/" + action;
        return requestAsync("POST", path, payload);
    }

    /** Like {@link #command} but always through the generic {@code calls/{Action}}: the payload goes as given. */
    public CompletableFuture<Reply> genericCall(String stationId, String action, JsonObject payload) {
        return requestAsync("POST", "/api/v1/stations/" + stationId + "/calls/" + action, payload);
    }

    public Reply get(String path) {
        return request("GET", path, null);
    }

    public Reply request(String method, String path, JsonObject body) {
        try {
            return requestAsync(method, path, body).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " " + path + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(method + " " + path + ": no answer within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public CompletableFuture<Reply> requestAsync(String method, String path, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Reply(r.statusCode(), parse(r.body())));
    }

    private static JsonElement parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonParser.parseString(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Waits for an API reply started earlier with {@link #command}. */
    public static Reply await(CompletableFuture<Reply> reply, String what) {
        try {
            return reply.get(40, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + ": the API did not answer within 40 s");
        } catch (ExecutionException e) {
            throw new AssertionError(what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
