package org.v2gcsms.sessions.certificates;

/** A CA that turns a station's certificate request into the chain the station installs. */
public sealed interface CertificateIssuer permits StationCertificateAuthority, V2gCertificateAuthority {
    /**
     * Signs a PEM PKCS#10 request: the issued certificate followed by the CA certificates the station needs
     * to present it, all PEM, leaf first.
     *
     * @throws InvalidCsrException when the request cannot be signed (not a PEM request, a wrong signature, a key
     *                             this CA does not certify)
     * @throws CaNotValidException when the CA's own certificate is not valid now
     */
    String sign(String csrPem);
}
