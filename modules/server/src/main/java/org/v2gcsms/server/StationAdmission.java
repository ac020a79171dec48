package org.v2gcsms.server;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a handshake may proceed, per the station's security profile. Blocking (registry
 * lookup, PBKDF2), so it runs off the event loop.
 */
final class StationAdmission {
    private static final Logger log = LoggerFactory.getLogger(StationAdmission.class);
    static final int UNAUTHORIZED = 401;
    static final int NOT_FOUND = 404;

    private final StationRegistry registry;

    StationAdmission(StationRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param authorization the Authorization header, if any
     * @param tls           whether the connection is wss://
     * @param clientCertificate the verified TLS client certificate, if the station presented one
     */
    Admission decide(String stationId, Optional<String> authorization, boolean tls,
                     Optional<X509Certificate> clientCertificate) {
        Optional<StationCredentials> known = registry.find(stationId);
        if (known.isEmpty()) {
            if (!registry.autoRegistration().admitsUnknownStations()) {
                return new Admission.Refused(NOT_FOUND, "unknown station");
            }
            SecurityProfile transport = !tls ? SecurityProfile.BASIC_AUTH
                    : clientCertificate.isPresent() ? SecurityProfile.TLS_CLIENT_CERTIFICATE
                    : SecurityProfile.TLS_BASIC_AUTH;
            return new Admission.Admitted(stationId, transport, true);
        }
        StationCredentials station = known.get();
        SecurityProfile offered = offered(station, authorization, tls, clientCertificate);
        if (offered.number() < station.profile().number()) {
            // Downgrades are never allowed (A05): once on TLS, a station stays on TLS.
            return new Admission.Refused(UNAUTHORIZED, "security profile " + station.profile().number()
                    + (station.profile() == SecurityProfile.TLS_CLIENT_CERTIFICATE
                    ? " requires TLS with a client certificate" : " requires TLS"));
        }
        Admission admission = offered == SecurityProfile.TLS_CLIENT_CERTIFICATE
                ? clientCertificate(station, clientCertificate) : basicAuth(station, authorization);
        if (admission instanceof Admission.Admitted && offered.number() > station.profile().number()) {
            return raised(station, offered);
        }
        return admission;
    }

    /**
     * The profile this connection proves: plain is 1; TLS with a client certificate and no Basic credentials
     * (or from a station registered on 3) is 3; other TLS is 2.
     */
    private static SecurityProfile offered(StationCredentials station, Optional<String> authorization, boolean tls,
                                           Optional<X509Certificate> clientCertificate) {
        if (!tls) {
            return SecurityProfile.BASIC_AUTH;
        }
        boolean certificateOnly = clientCertificate.isPresent()
                && (authorization.isEmpty() || station.profile() == SecurityProfile.TLS_CLIENT_CERTIFICATE);
        return certificateOnly ? SecurityProfile.TLS_CLIENT_CERTIFICATE : SecurityProfile.TLS_BASIC_AUTH;
    }

    /**
     * A station that authenticated on a higher profile than registered has been upgraded (SetNetworkProfile,
     * A05): the registry keeps the higher one, so lower-profile connections are refused from now on. If that
     * cannot be stored the station still gets in (it proved itself) and the next connection tries again.
     */
    private Admission raised(StationCredentials station, SecurityProfile to) {
        try {
            registry.raiseProfile(station.stationId(), to);
            log.info("Station {} upgraded from security profile {} to {}; lower profiles are refused from now on",
                    station.stationId(), station.profile().number(), to.number());
        } catch (RuntimeException e) {
            log.error("Station {} connected on security profile {} but the upgrade from {} was not stored",
                    station.stationId(), to.number(), station.profile().number(), e);
        }
        return new Admission.Admitted(station.stationId(), to, false);
    }

    private static Admission basicAuth(StationCredentials station, Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return new Admission.Refused(UNAUTHORIZED, "no Basic credentials");
        }
        String header = authorization.get().trim();
        if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new Admission.Refused(UNAUTHORIZED, "Authorization is not Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Admission.Refused(UNAUTHORIZED, "Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Admission.Refused(UNAUTHORIZED, "Basic credentials have no password");
        }
        if (!decoded.substring(0, colon).equals(station.stationId())) {
            return new Admission.Refused(UNAUTHORIZED, "Basic user name differs from the station identity");
        }
        boolean matches = station.password().map(p -> p.matches(decoded.substring(colon + 1))).orElse(false);
        return matches ? new Admission.Admitted(station.stationId(), station.profile(), false)
                : new Admission.Refused(UNAUTHORIZED, "wrong password");
    }

    private static Admission clientCertificate(StationCredentials station, Optional<X509Certificate> certificate) {
        if (certificate.isEmpty()) {
            return new Admission.Refused(UNAUTHORIZED, "security profile 3 requires a client certificate");
        }
        Optional<String> cn = commonName(certificate.get());
        if (cn.isEmpty() || !cn.get().equals(station.stationId())) {
            return new Admission.Refused(UNAUTHORIZED, "client certificate CN " + cn.orElse("(none)")
                    + " differs from the station identity");
        }
        return new Admission.Admitted(station.stationId(), station.profile(), false);
    }

    static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
