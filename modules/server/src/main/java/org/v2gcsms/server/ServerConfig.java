package org.v2gcsms.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the WebSocket endpoint needs to start. Invalid values are refused at construction
 * with a message naming the field.
 *
 * @param host               address to bind
 * @param port               TCP port; 0 picks a free one ({@link CsmsServer#port()} tells which)
 * @param pathPrefix         stations connect to {@code <pathPrefix>/<stationId>}
 * @param tls                present: wss:// on {@code port}; empty: ws:// on {@code port}
 * @param plainPort          with TLS, also accept ws:// (security profile 1) on this port — 0 picks a free one
 *                           ({@link CsmsServer#plainPort()}) — for stations not yet upgraded to TLS; empty: none
 * @param maxFrameBytes      largest WebSocket message accepted (after decompression); larger closes with 1009
 * @param rateLimit          per-connection inbound message rate
 * @param inboxCapacity      inbound messages one station may have waiting for its handlers
 * @param callTimeout        how long a CSMS-initiated CALL waits for its answer
 * @param heartbeatInterval  the interval the domain hands out in BootNotification; checked against idleTimeout
 * @param pingInterval       WebSocket ping after this much silence; zero disables pings
 * @param idleTimeout        close a connection that sent nothing (not even a pong) for this long
 * @param handshakeTimeout   how long a client may take to complete the upgrade
 * @param shutdownGrace      how long {@link CsmsServer#close()} lets running handlers finish
 */
public record ServerConfig(String host, int port, String pathPrefix, Optional<TlsConfig> tls,
                           OptionalInt plainPort, int maxFrameBytes,
                           RateLimit rateLimit, int inboxCapacity, Duration callTimeout, Duration heartbeatInterval,
                           Duration pingInterval, Duration idleTimeout, Duration handshakeTimeout,
                           Duration shutdownGrace) {

    /** The idle timeout must be at least this many heartbeat intervals; equal values cause reconnect loops. */
    public static final int IDLE_TIMEOUT_MIN_HEARTBEATS = 2;

    /**
     * A token bucket: {@code messagesPerSecond} sustained, {@code burst} at once. A message over the limit
     * is refused (a CALL gets CALLERROR GenericError); after {@code refusalsBeforeClose} refusals in a row
     * the connection is closed with 1008.
     */
    public record RateLimit(double messagesPerSecond, int burst, int refusalsBeforeClose) {
        public RateLimit {
            positive(messagesPerSecond, "rateLimit.messagesPerSecond");
            positive(burst, "rateLimit.burst");
            positive(refusalsBeforeClose, "rateLimit.refusalsBeforeClose");
        }
    }

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        pathPrefix = normalisePrefix(pathPrefix);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(plainPort, "plainPort");
        if (plainPort.isPresent()) {
            if (tls.isEmpty()) {
                throw new IllegalArgumentException("plainPort is a second, ws:// port beside the wss:// one: it needs tls");
            }
            if (plainPort.getAsInt() < 0 || plainPort.getAsInt() > 65535) {
                throw new IllegalArgumentException("plainPort must be 0..65535, was " + plainPort.getAsInt());
            }
            if (plainPort.getAsInt() != 0 && plainPort.getAsInt() == port) {
                throw new IllegalArgumentException("plainPort must differ from port (" + port + ")");
            }
        }
        positive(maxFrameBytes, "maxFrameBytes");
        Objects.requireNonNull(rateLimit, "rateLimit");
        positive(inboxCapacity, "inboxCapacity");
        positive(callTimeout, "callTimeout");
        positive(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (pingInterval.isNegative()) {
            throw new IllegalArgumentException("pingInterval must not be negative (zero disables pings)");
        }
        positive(idleTimeout, "idleTimeout");
        if (idleTimeout.compareTo(heartbeatInterval.multipliedBy(IDLE_TIMEOUT_MIN_HEARTBEATS)) < 0) {
            throw new IllegalArgumentException("idleTimeout (" + idleTimeout + ") must be at least "
                    + IDLE_TIMEOUT_MIN_HEARTBEATS + " x heartbeatInterval (" + heartbeatInterval
                    + "): a station heartbeating on time must never look idle");
        }
        if (!pingInterval.isZero() && idleTimeout.compareTo(pingInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("idleTimeout (" + idleTimeout + ") must be at least 2 x pingInterval ("
                    + pingInterval + "), so one lost pong does not close the connection");
        }
        positive(handshakeTimeout, "handshakeTimeout");
        positive(shutdownGrace, "shutdownGrace");
    }

    public boolean tlsEnabled() {
        return tls.isPresent();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static String normalisePrefix(String prefix) {
        Objects.requireNonNull(prefix, "pathPrefix");
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.length() < 2 || p.contains("?") || p.contains("#")) {
            throw new IllegalArgumentException("pathPrefix must be a non-root path such as /ocpp, was '" + prefix + "'");
        }
        return p;
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + d);
        }
    }

    private static void positive(double n, String field) {
        if (!(n > 0)) {
            throw new IllegalArgumentException(field + " must be positive, was " + n);
        }
    }

    /** Defaults suit a production endpoint on ws://0.0.0.0:8080/ocpp. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private String pathPrefix = "/ocpp";
        private Optional<TlsConfig> tls = Optional.empty();
        private OptionalInt plainPort = OptionalInt.empty();
        private int maxFrameBytes = 256 * 1024;
        private RateLimit rateLimit = new RateLimit(20, 60, 30);
        private int inboxCapacity = 32;
        private Duration callTimeout = Duration.ofSeconds(30);
        private Duration heartbeatInterval = Duration.ofMinutes(5);
        private Duration pingInterval = Duration.ofMinutes(1);
        private Duration idleTimeout = Duration.ofMinutes(15);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration shutdownGrace = Duration.ofSeconds(10);

        private Builder() {}

        private Builder(ServerConfig c) {
            host = c.host;
            port = c.port;
            pathPrefix = c.pathPrefix;
            tls = c.tls;
            plainPort = c.plainPort;
            maxFrameBytes = c.maxFrameBytes;
            rateLimit = c.rateLimit;
            inboxCapacity = c.inboxCapacity;
            callTimeout = c.callTimeout;
            heartbeatInterval = c.heartbeatInterval;
            pingInterval = c.pingInterval;
            idleTimeout = c.idleTimeout;
            handshakeTimeout = c.handshakeTimeout;
            shutdownGrace = c.shutdownGrace;
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder pathPrefix(String v) { pathPrefix = v; return this; }
        public Builder tls(TlsConfig v) { tls = Optional.of(v); return this; }
        public Builder plain() { tls = Optional.empty(); plainPort = OptionalInt.empty(); return this; }
        public Builder plainPort(int v) { plainPort = OptionalInt.of(v); return this; }
        public Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
        public Builder rateLimit(RateLimit v) { rateLimit = v; return this; }
        public Builder inboxCapacity(int v) { inboxCapacity = v; return this; }
        public Builder callTimeout(Duration v) { callTimeout = v; return this; }
        public Builder heartbeatInterval(Duration v) { heartbeatInterval = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder handshakeTimeout(Duration v) { handshakeTimeout = v; return this; }
        public Builder shutdownGrace(Duration v) { shutdownGrace = v; return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, pathPrefix, tls, plainPort, maxFrameBytes, rateLimit, inboxCapacity, callTimeout,
                    heartbeatInterval, pingInterval, idleTimeout, handshakeTimeout, shutdownGrace);
        }
    }
}
