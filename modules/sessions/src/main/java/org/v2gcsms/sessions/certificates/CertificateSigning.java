package org.v2gcsms.sessions.certificates;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.CertificateSignedRequest;
import org.v2gcsms.ocpp.v21.CertificateSignedResponse;
import org.v2gcsms.ocpp.v21.CertificateSigningUseEnumType;
import org.v2gcsms.ocpp.v21.GenericStatusEnumType;
import org.v2gcsms.ocpp.v21.SignCertificateRequest;
import org.v2gcsms.ocpp.v21.SignCertificateResponse;
import org.v2gcsms.ocpp.v21.StatusInfoType;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.commands.StationCommands;

/**
 * Answers a station's SignCertificate (A02/A03): the request is signed by the CA for its certificate type,
 * answered Accepted and the chain sent back in a CertificateSigned of the same type. Charging-station
 * certificates are signed by the CSMS's own CA; V2G (SECC) certificates only by a sub-CA of the ISO 15118 V2G PKI
 * the operator installed, and are Rejected without one.
 */
public final class CertificateSigning {
    /** Beside the station CA's directory: the CPO sub-CA of the ISO 15118-2 V2G PKI (V2GCertificate). */
    public static final String V2G_CA_DIR = "v2g-ca";
    /** Beside the station CA's directory: the CPO sub-CA of the ISO 15118-20 V2G PKI (V2G20Certificate, 2.1). */
    public static final String V2G20_CA_DIR = "v2g20-ca";

    private static final Logger log = LoggerFactory.getLogger(CertificateSigning.class);

    private final Map<CertificateSigningUseEnumType, CertificateIssuer> issuers;
    private final StationCommands commands;

    /** Signs with {@code issuers}; a type without one is rejected. */
    public CertificateSigning(Map<CertificateSigningUseEnumType, CertificateIssuer> issuers,
                              StationCommands commands) {
        this.issuers = Map.copyOf(issuers);
        this.commands = commands;
    }

    /**
     * Signs charging-station certificates with the station CA in {@code stationCaDir} (created there on first
     * use) and V2G certificates with the sub-CAs the operator installed beside it, in {@value #V2G_CA_DIR} and
     * {@value #V2G20_CA_DIR}.
     *
     * @throws IllegalStateException when a V2G sub-CA directory exists but holds no usable sub-CA
     */
    public static CertificateSigning open(Path stationCaDir, Clock clock, StationCommands commands) {
        Map<CertificateSigningUseEnumType, CertificateIssuer> issuers =
                new EnumMap<>(CertificateSigningUseEnumType.class);
        issuers.put(CertificateSigningUseEnumType.ChargingStationCertificate,
                StationCertificateAuthority.openOrCreate(stationCaDir, clock));
        openV2g(stationCaDir.resolveSibling(V2G_CA_DIR), CertificateSigningUseEnumType.V2GCertificate, clock,
                issuers);
        openV2g(stationCaDir.resolveSibling(V2G20_CA_DIR), CertificateSigningUseEnumType.V2G20Certificate, clock,
                issuers);
        return new CertificateSigning(issuers, commands);
    }

    private static void openV2g(Path dir, CertificateSigningUseEnumType type, Clock clock,
                                Map<CertificateSigningUseEnumType, CertificateIssuer> issuers) {
        V2gCertificateAuthority.openIfPresent(dir, clock).ifPresentOrElse(ca -> {
            log.info("{} requests are signed by the V2G sub-CA {} from {} (valid until {})", type, ca.subject(), dir,
                    ca.notAfter());
            if (ca.notAfter().isBefore(clock.instant())) {
                log.error("The V2G sub-CA in {} expired on {}: {} requests will be rejected until a renewed one is "
                        + "installed", dir, ca.notAfter(), type);
            }
            issuers.put(type, ca);
        }, () -> log.info("No V2G sub-CA in {}: {} requests will be rejected", dir, type));
    }

    public SignCertificateResponse signCertificate(StationContext ctx, SignCertificateRequest r) {
        CertificateSigningUseEnumType type = r.certificateType() == null
                ? CertificateSigningUseEnumType.ChargingStationCertificate : r.certificateType();
        CertificateIssuer issuer = issuers.get(type);
        if (issuer == null) {
            log.warn("Station {} asked to sign a {}, but the CSMS holds no V2G sub-CA for it (see the start log): "
                    + "rejected", ctx.stationId(), type);
            return rejected("UnsupportedCertType", "the CSMS holds no V2G PKI sub-CA to sign a " + type.value());
        }
        String chain;
        try {
            chain = issuer.sign(r.csr());
        } catch (InvalidCsrException e) {
            log.warn("Station {} sent a {} request that cannot be signed: {}", ctx.stationId(), type, e.getMessage());
            return rejected("InvalidCSR", e.getMessage());
        } catch (CaNotValidException e) {
            log.error("Station {} asked to sign a {}, but the CA cannot issue: {}", ctx.stationId(), type,
                    e.getMessage());
            return rejected("CertificateExpired", "the CSMS's CA for " + type.value() + " is not valid now");
        }
        // Sent from another thread: the station gets this CALL after our answer to its SignCertificate.
        CompletableFuture.runAsync(() -> deliver(ctx.stationId(), chain, type, r.requestId()),
                Thread::startVirtualThread);
        return new SignCertificateResponse(GenericStatusEnumType.Accepted);
    }

    private void deliver(String stationId, String chain, CertificateSigningUseEnumType type, Integer requestId) {
        commands.send(stationId, new CertificateSignedRequest(chain, type, requestId, null),
                CertificateSignedResponse.class).whenComplete((response, failure) -> {
                    if (failure != null) {
                        log.warn("CertificateSigned to station {} failed: {}", stationId, failure.toString());
                    } else {
                        log.info("Station {} answered CertificateSigned ({}) {}", stationId, type,
                                response.status());
                    }
                });
    }

    private static SignCertificateResponse rejected(String reasonCode, String detail) {
        String info = detail.length() > 512 ? detail.substring(0, 512) : detail;
        return new SignCertificateResponse(GenericStatusEnumType.Rejected, new StatusInfoType(reasonCode, info, null),
                null);
    }
}
