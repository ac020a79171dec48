package org.v2gcsms.sessions.certificates;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.GetCertificateStatusEnumType;
import org.v2gcsms.ocpp.v21.GetCertificateStatusRequest;
import org.v2gcsms.ocpp.v21.GetCertificateStatusResponse;
import org.v2gcsms.ocpp.v21.HashAlgorithmEnumType;
import org.v2gcsms.ocpp.v21.OCSPRequestDataType;
import org.v2gcsms.ocpp.v21.StatusInfoType;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.outbound.OutboundUrls;

/**
 * Answers GetCertificateStatus (M06): the OCSP request for the certificate the station names is posted to the
 * OCSP responder (the station's, or the one the operator configured for all), and the DER response goes back
 * base64-encoded for the station to hand to the EV. Anything short of a successful OCSP response is Failed,
 * with the reason.
 */
public final class OcspRelay {
    private static final Logger log = LoggerFactory.getLogger(OcspRelay.class);
    /** The longest ocspResult each version's schema allows. */
    private static final int MAX_RESULT_V201 = 5500;
    private static final int MAX_RESULT_V21 = 18000;

    private final HttpPost http;
    private final Optional<URI> responderOverride;
    private final OutboundUrls stationNamed;

    /** Responders a station names must be public hosts; the operator's own (ocsp-responder-url) may be anywhere. */
    public OcspRelay(PlugAndChargeSettings settings) {
        this(settings, new OutboundUrls(false, "ocsp-responder-url"));
    }

    OcspRelay(PlugAndChargeSettings settings, OutboundUrls stationNamed) {
        this.http = new HttpPost(settings.timeout());
        this.responderOverride = settings.ocspResponder();
        this.stationNamed = stationNamed;
    }

    public GetCertificateStatusResponse getCertificateStatus(StationContext ctx, GetCertificateStatusRequest r) {
        OCSPRequestDataType data = r.ocspRequestData();
        byte[] request;
        try {
            request = new OCSPReqBuilder().addRequest(certificateId(data)).build().getEncoded();
        } catch (IllegalArgumentException | OCSPException | IOException e) {
            return failed(ctx, "InvalidRequestData", "hashes and serial number must be hex: " + e.getMessage());
        }
        Optional<URI> responder = responderOverride;
        if (responder.isEmpty()) {
            try {
                responder = Optional.of(stationNamed.check(data.responderURL().strip()));
            } catch (OutboundUrls.Refused e) {
                return failed(ctx, "InvalidURL", "responderURL: " + e.getMessage());
            } catch (UnknownHostException e) {
                return failed(ctx, "ResponderUnreachable", "responderURL's host does not resolve: " + e.getMessage());
            }
        }
        byte[] answer;
        try {
            answer = http.post(responder.get(), "application/ocsp-request", "application/ocsp-response", request);
        } catch (IOException e) {
            return failed(ctx, "ResponderUnreachable", responder.get().getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(ctx, "Interrupted", "the CSMS is stopping");
        }
        OCSPResp response;
        try {
            response = new OCSPResp(answer);
        } catch (IOException | RuntimeException e) {
            return failed(ctx, "BadOcspResponse", "not an OCSP response: " + e.getMessage());
        }
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return failed(ctx, "OcspError", "responder answered OCSP status " + response.getStatus());
        }
        // The responder's own bytes: re-encoding could alter what the responder signed.
        String result = Base64.getEncoder().encodeToString(answer);
        int max = ctx.version() == OcppVersion.V201 ? MAX_RESULT_V201 : MAX_RESULT_V21;
        if (result.length() > max) {
            return failed(ctx, "ResponseTooLarge", "OCSP response of " + result.length() + " characters, more "
                    + "than OCPP " + ctx.version() + " allows (" + max + ")");
        }
        log.info("OCSP status of serial {} for station {} relayed from {}", data.serialNumber(), ctx.stationId(),
                responder.get().getHost());
        return new GetCertificateStatusResponse(GetCertificateStatusEnumType.Accepted, null, result, null);
    }

    /** The CertID RFC 6960 asks about, from the hashes and serial the station computed. */
    static CertificateID certificateId(OCSPRequestDataType data) {
        HexFormat hex = HexFormat.of();
        CertID id = new CertID(new AlgorithmIdentifier(digest(data.hashAlgorithm()), DERNull.INSTANCE),
                new DEROctetString(hex.parseHex(data.issuerNameHash())),
                new DEROctetString(hex.parseHex(data.issuerKeyHash())),
                new ASN1Integer(new BigInteger(data.serialNumber(), 16)));
        return new CertificateID(id);
    }

    private static ASN1ObjectIdentifier digest(HashAlgorithmEnumType algorithm) {
        return switch (algorithm) {
            case SHA256 -> NISTObjectIdentifiers.id_sha256;
            case SHA384 -> NISTObjectIdentifiers.id_sha384;
            case SHA512 -> NISTObjectIdentifiers.id_sha512;
        };
    }

    private static GetCertificateStatusResponse failed(StationContext ctx, String reason, String detail) {
        log.warn("GetCertificateStatus from station {} failed ({}): {}", ctx.stationId(), reason, detail);
        return new GetCertificateStatusResponse(GetCertificateStatusEnumType.Failed,
                new StatusInfoType(reason, StatusText.bounded(detail), null), null, null);
    }
}
