package org.v2gcsms.sessions.certificates;

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
 * Answers a station's SignCertificate (A02/A03): a charging-station certificate request is signed by the
 * CSMS's own CA, answered Accepted and the chain sent back in a CertificateSigned. V2G certificates need the
 * V2G PKI's sub-CA, which the CSMS does not hold, so those requests are Rejected.
 */
public final class CertificateSigning {
    private static final Logger log = LoggerFactory.getLogger(CertificateSigning.class);

    private final StationCertificateAuthority authority;
    private final StationCommands commands;

    public CertificateSigning(StationCertificateAuthority authority, StationCommands commands) {
        this.authority = authority;
        this.commands = commands;
    }

    public SignCertificateResponse signCertificate(StationContext ctx, SignCertificateRequest r) {
        CertificateSigningUseEnumType type = r.certificateType() == null
                ? CertificateSigningUseEnumType.ChargingStationCertificate : r.certificateType();
        if (type != CertificateSigningUseEnumType.ChargingStationCertificate) {
            log.warn("Station {} asked to sign a {}: no CA for it here, rejected", ctx.stationId(), type);
            return rejected("UnsupportedCertType", "the CSMS signs charging-station certificates only");
        }
        String chain;
        try {
            chain = authority.sign(r.csr());
        } catch (InvalidCsrException e) {
            log.warn("Station {} sent a certificate request that cannot be signed: {}", ctx.stationId(),
                    e.getMessage());
            return rejected("InvalidCSR", e.getMessage());
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
                        log.info("Station {} answered CertificateSigned {}", stationId, response.status());
                    }
                });
    }

    private static SignCertificateResponse rejected(String reasonCode, String detail) {
        String info = detail.length() > 512 ? detail.substring(0, 512) : detail;
        return new SignCertificateResponse(GenericStatusEnumType.Rejected, new StatusInfoType(reasonCode, info, null),
                null);
    }
}
