package org.v2gcsms.sessions.certificates;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.Get15118EVCertificateRequest;
import org.v2gcsms.ocpp.v21.Get15118EVCertificateResponse;
import org.v2gcsms.ocpp.v21.Iso15118EVCertificateStatusEnumType;
import org.v2gcsms.ocpp.v21.StatusInfoType;
import org.v2gcsms.sessions.StationContext;

/**
 * Answers Get15118EVCertificate (M01/M02): the EV's EXI CertificateInstallation/Update request is forwarded to
 * the contract certificate service of the e-mobility operator / PKI the operator configured, and its EXI answer
 * goes back to the station. The service is posted JSON {@code {stationId, schemaVersion, action, exiRequest}}
 * (with {@code maximumContractCertificateChains} and {@code prioritizedEMAIDs} when the station sent them) and
 * answers {@code {status: "Accepted"|"Failed", exiResponse, remainingContracts?}}. Without a service, or when it
 * fails, the answer is Failed with the reason.
 */
public final class ContractCertificateRelay {
    private static final Logger log = LoggerFactory.getLogger(ContractCertificateRelay.class);
    /** The longest exiResponse each version's schema allows. */
    private static final int MAX_EXI_V201 = 5600;
    private static final int MAX_EXI_V21 = 17000;

    private final HttpPost http;
    private final Optional<URI> service;

    public ContractCertificateRelay(PlugAndChargeSettings settings) {
        this.http = new HttpPost(settings.timeout());
        this.service = settings.contractCertificateService();
    }

    public Get15118EVCertificateResponse get15118EVCertificate(StationContext ctx, Get15118EVCertificateRequest r) {
        if (service.isEmpty()) {
            return failed(ctx, "NoService", "no contract certificate service is configured");
        }
        JsonObject answer;
        try {
            byte[] body = http.post(service.get(), "application/json", "application/json",
                    request(ctx, r).toString().getBytes(StandardCharsets.UTF_8));
            answer = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            return failed(ctx, "ServiceUnreachable", service.get().getHost() + ": " + e);
        } catch (JsonParseException | IllegalStateException e) {
            return failed(ctx, "BadServiceAnswer", "not a JSON object: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(ctx, "Interrupted", "the CSMS is stopping");
        }
        Optional<String> status = text(answer, "status");
        Optional<String> exi = text(answer, "exiResponse");
        if (status.isEmpty() || exi.isEmpty()) {
            return failed(ctx, "BadServiceAnswer", "status and exiResponse are required");
        }
        int max = ctx.version() == OcppVersion.V201 ? MAX_EXI_V201 : MAX_EXI_V21;
        if (exi.get().length() > max) {
            return failed(ctx, "ResponseTooLarge", "exiResponse of " + exi.get().length() + " characters, more "
                    + "than OCPP " + ctx.version() + " allows (" + max + ")");
        }
        Integer remaining = answer.has("remainingContracts") && answer.get("remainingContracts").isJsonPrimitive()
                && answer.getAsJsonPrimitive("remainingContracts").isNumber() && ctx.version() != OcppVersion.V201
                ? answer.get("remainingContracts").getAsInt() : null;
        if (!"Accepted".equals(status.get())) {
            // The service's own EXI answer still goes to the EV: it carries the ISO 15118 response code.
            log.warn("Contract certificate service answered {} to station {}'s {}", StatusText.bounded(status.get()),
                    ctx.stationId(), r.action());
            return new Get15118EVCertificateResponse(Iso15118EVCertificateStatusEnumType.Failed,
                    new StatusInfoType("ServiceFailed", StatusText.bounded("service status " + status.get()), null),
                    exi.get(), remaining, null);
        }
        log.info("Contract certificate {} for station {} relayed from {}", r.action(), ctx.stationId(),
                service.get().getHost());
        return new Get15118EVCertificateResponse(Iso15118EVCertificateStatusEnumType.Accepted, null, exi.get(),
                remaining, null);
    }

    private static JsonObject request(StationContext ctx, Get15118EVCertificateRequest r) {
        JsonObject o = new JsonObject();
        o.addProperty("stationId", ctx.stationId());
        o.addProperty("schemaVersion", r.iso15118SchemaVersion());
        o.addProperty("action", r.action().value());
        o.addProperty("exiRequest", r.exiRequest());
        if (r.maximumContractCertificateChains() != null) {
            o.addProperty("maximumContractCertificateChains", r.maximumContractCertificateChains());
        }
        if (r.prioritizedEMAIDs() != null) {
            JsonArray emaids = new JsonArray();
            r.prioritizedEMAIDs().forEach(emaids::add);
            o.add("prioritizedEMAIDs", emaids);
        }
        return o;
    }

    private static Optional<String> text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                ? Optional.of(e.getAsString()) : Optional.empty();
    }

    private static Get15118EVCertificateResponse failed(StationContext ctx, String reason, String detail) {
        log.warn("Get15118EVCertificate from station {} failed ({}): {}", ctx.stationId(), reason, detail);
        // exiResponse is required even when Failed: there is no EXI answer to give.
        return new Get15118EVCertificateResponse(Iso15118EVCertificateStatusEnumType.Failed,
                new StatusInfoType(reason, StatusText.bounded(detail), null), "", null, null);
    }
}
