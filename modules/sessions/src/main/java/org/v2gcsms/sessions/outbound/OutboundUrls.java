package org.v2gcsms.sessions.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the CSMS may call when someone else names them (an API user's webhook, a station's OCSP responder):
 * http or https with a host, and — unless the operator allows private targets — a host whose every address is
 * public. Otherwise whoever names the URL could make the CSMS call its own network: loopback services, the cloud
 * metadata endpoint (169.254.169.254), private or link-local hosts. Checked when the URL is given and again right
 * before each call, since a name can resolve elsewhere later (DNS rebinding). The check's lookup fills the JVM's
 * DNS cache (30 s by default), so the connection made right after it goes to the address just checked.
 */
public final class OutboundUrls {

    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL the CSMS will not call; the message says why, for the operator. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivate;
    private final String setting;
    private final Resolver resolver;

    /** @param setting the operator's setting that allows private targets, named in refusals */
    public OutboundUrls(boolean allowPrivate, String setting, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.setting = setting;
        this.resolver = resolver;
    }

    public OutboundUrls(boolean allowPrivate, String setting) {
        this(allowPrivate, setting, InetAddress::getAllByName);
    }

    /**
     * The URL as a URI if the CSMS may call it.
     *
     * @throws Refused the URL is not http(s) with a host, or its host has an address that is not public
     * @throws UnknownHostException the host does not resolve (only looked up when private targets are refused)
     */
    public URI check(String url) throws Refused, UnknownHostException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("url must be an absolute http or https URL");
        }
        if (!isHttp(uri)) {
            throw new Refused("url must be an absolute http or https URL with a host");
        }
        if (allowPrivate) {
            return uri;
        }
        for (InetAddress address : resolver.resolve(uri.getHost())) {
            Optional<String> kind = nonPublic(address);
            if (kind.isPresent()) {
                throw new Refused("url's host " + uri.getHost() + " is " + address.getHostAddress() + ", a "
                        + kind.get() + " address; only public addresses are called unless the operator allows "
                        + "private targets (" + setting + ")");
            }
        }
        return uri;
    }

    /** Whether the URI is an absolute http or https URL with a host: the only kind the CSMS calls out to. */
    public static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
    }

    /** What kind of non-public address this is, or empty for a public one. */
    public static Optional<String> nonPublic(InetAddress address) {
        if (address instanceof Inet6Address six) {
            byte[] b = six.getAddress();
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local (fc00::/7)");
            }
            Optional<InetAddress> embedded = six.isAnyLocalAddress() || six.isLoopbackAddress() ? Optional.empty()
                    : embeddedIpv4(b);
            if (embedded.isPresent()) {
                return nonPublic(embedded.get());
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("any-local");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            if (first == 0) {
                return Optional.of("this-network (0.0.0.0/8)");
            }
            if (first == 100 && (b[1] & 0xc0) == 64) {
                return Optional.of("shared carrier-grade NAT (100.64.0.0/10)");
            }
            if (first == 255) {
                return Optional.of("broadcast");
            }
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64
     * (64:ff9b::a.b.c.d) IPv6 address: reaching it reaches that IPv4 host.
     */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        boolean zeros = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && Arrays.equals(b, 4, 12, new byte[8], 0, 8);
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
