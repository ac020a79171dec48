package org.v2gcsms.conformance.cases;

import com.google.gson.JsonObject;
import org.v2gcsms.conformance.kit.Json;

/** Certificate material for the cases: one self-signed EC P-256 test root and a CSR from its key. */
final class Certificates {
    private Certificates() {}

    /** A self-signed test certificate (CN=OCTT Test Root, O=v2gcsms), used wherever a PEM certificate goes. */
    static final String ROOT_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBqjCCAVGgAwIBAgIUVrbNQriNcomLRlYAmf3nwe9/7OAwCgYIKoZIzj0EAwIw
            KzEXMBUGA1UEAwwOT0NUVCBUZXN0IFJvb3QxEDAOBgNVBAoMB3YyZ2NzbXMwHhcN
            MjYxMTIyMDA0MDQ1WhcNMzYxMTE5MDA0MDQ1WjArMRcwFQYDVQQDDA5PQ1RUIFRl
            c3QgUm9vdDEQMA4GA1UECgwHdjJnY3NtczBZMBMGByqGSM49AgEGCCqGSM49AwEH
            A0IABMn65A4D8O+F2SI+MHJxZCrMwj2CPi3DjWrcaVVbB4AW/csqmvaeERR6iDGN
            JVs90u4vb/WXM7mHlnejJUNz/gSjUzBRMB0GA1UdDgQWBBRJFOSLG7Atn8A48lrE
            EplSxwK7yzAfBgNVHSMEGDAWgBRJFOSLG7Atn8A48lrEEplSxwK7yzAPBgNVHRMB
            Af8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIGHwqZ67ra1UE00J4qjICnvJLbbL
            Oumk3JYPzrNo/uDGAiBptJQZfK469qUhGO/2pGMSXWh1XpTSktvo6le79ApYcQ==
            -----END CERTIFICATE-----""";

    /** Stands in for an ISO 15118 contract certificate chain. */
    static final String CONTRACT_PEM = ROOT_PEM;

    /** A PKCS#10 CSR (CN=SN-0001, O=v2gcsms) as a station sends in SignCertificate. */
    static final String CSR_PEM = """
            -----BEGIN CERTIFICATE REQUEST-----
            MIHeMIGGAgEAMCQxEDAOBgNVBAMMB1NOLTAwMDExEDAOBgNVBAoMB3YyZ2NzbXMw
            WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATJ+uQOA/DvhdkiPjBycWQqzMI9gj4t
            w41q3GlVWweAFv3LKpr2nhEUeogxjSVbPdLuL2/1lzO5h5Z3oyVDc/4EoAAwCgYI
            KoZIzj0EAwIDRwAwRAIgKVClKHXBXv17dJiYkc/UNi/skO11WbkneTOAshfQcm8C
            IEY11dRTkGJf9auF6JQV5dMas/niSW2bqVTcERL131jm
            -----END CERTIFICATE REQUEST-----""";

    /** Hash data of an installed certificate, as a station reports it. */
    static JsonObject hashData() {
        return Json.obj("hashAlgorithm", "SHA256", "issuerNameHash",
                "a5d5c7e4d8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b", "issuerKeyHash",
                "b6e6d8f5e9a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c", "serialNumber",
                "56b6cd42b88d72898b46560099fde7c1ef7fece0");
    }
}
