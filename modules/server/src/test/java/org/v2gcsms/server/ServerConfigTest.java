package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    private static String refusal(UnaryOperator<ServerConfig.Builder> change) {
        return assertThrows(IllegalArgumentException.class, () -> change.apply(ServerConfig.builder()).build())
                .getMessage();
    }

    @Test
    void idleTimeoutEqualToTheHeartbeatIntervalIsRefused() {
        String message = refusal(b -> b.heartbeatInterval(Duration.ofMinutes(5)).idleTimeout(Duration.ofMinutes(5)));
        assertTrue(message.startsWith("idleTimeout"), message);
    }

    @Test
    void idleTimeoutMustOutlastTwoPings() {
        String message = refusal(b -> b.heartbeatInterval(Duration.ofSeconds(10)).pingInterval(Duration.ofMinutes(1))
                .idleTimeout(Duration.ofSeconds(90)));
        assertTrue(message.contains("pingInterval"), message);
    }

    @Test
    void badFieldsAreNamed() {
        assertTrue(refusal(b -> b.port(70000)).startsWith("port"));
        assertTrue(refusal(b -> b.maxFrameBytes(0)).startsWith("maxFrameBytes"));
        assertTrue(refusal(b -> b.callTimeout(Duration.ZERO)).startsWith("callTimeout"));
        assertTrue(refusal(b -> b.pathPrefix("/")).startsWith("pathPrefix"));
        assertTrue(refusal(b -> b.pingInterval(Duration.ofSeconds(-1))).startsWith("pingInterval"));
        assertTrue(refusal(b -> b.inboxCapacity(0)).startsWith("inboxCapacity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ServerConfig.RateLimit(0, 1, 1))
                .getMessage().startsWith("rateLimit.messagesPerSecond"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TlsConfig(
                new TlsConfig.ServerKey.Pkcs12(java.nio.file.Path.of("/no/such.p12"), "x"), java.util.Optional.empty()))
                .getMessage().startsWith("tls.serverKey.keyStore"));
    }

    @Test
    void pathPrefixIsNormalisedAndPingsCanBeOff() {
        ServerConfig config = ServerConfig.builder().pathPrefix("ocpp/").pingInterval(Duration.ZERO).build();
        assertEquals("/ocpp", config.pathPrefix());
        assertEquals(config, config.toBuilder().build());
    }
}
