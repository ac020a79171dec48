package org.v2gcsms.sessions.auth;

import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.ocpp.v21.AuthorizeCertificateStatusEnumType;
import org.v2gcsms.ocpp.v21.AuthorizeRequest;
import org.v2gcsms.ocpp.v21.AuthorizeResponse;
import org.v2gcsms.ocpp.v21.IdTokenInfoType;
import org.v2gcsms.sessions.certificates.MoRootCertificates;

/**
 * Answers Authorize: the id token's own status ({@link Authorizer}), and for ISO 15118 Plug &amp; Charge (the
 * station sent the contract certificate, or its OCSP hash data) the certificateStatus of the contract (C07).
 * A contract certificate that does not validate turns an Accepted token Invalid: the EV could not prove it holds
 * that contract (a token refused for its own reason keeps that reason). Hash data alone cannot be chained to a root: NoCertificateAvailable, and
 * the token's own status stands.
 */
public final class ContractAuthorization {
    private final Authorizer authorizer;
    private final MoRootCertificates moRoots;

    public ContractAuthorization(Authorizer authorizer, MoRootCertificates moRoots) {
        this.authorizer = authorizer;
        this.moRoots = moRoots;
    }

    public AuthorizeResponse authorize(AuthorizeRequest r) {
        if (r.certificate() == null && r.iso15118CertificateHashData() == null) {
            return authorizer.authorize(r);
        }
        IdTokenInfoType token = authorizer.info(r.idToken());
        AuthorizeCertificateStatusEnumType certificate = r.certificate() == null
                ? AuthorizeCertificateStatusEnumType.NoCertificateAvailable : moRoots.check(r.certificate());
        boolean refused = certificate != AuthorizeCertificateStatusEnumType.Accepted
                && certificate != AuthorizeCertificateStatusEnumType.NoCertificateAvailable
                && token.status() == AuthorizationStatusEnumType.Accepted;
        IdTokenInfoType info = refused ? new IdTokenInfoType(AuthorizationStatusEnumType.Invalid, null, null, null,
                null, null, null, null, null) : token;
        return new AuthorizeResponse(info, certificate, null, null, null);
    }
}
