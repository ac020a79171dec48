package org.v2gcsms.bench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One load-generator station: boots, then sends a Heartbeat (or, streaming transactions, a TransactionEvent
 * with meter values: Started, then Updated with the next seqNo) every period, at most one CALL in flight
 * (as OCPP-J requires). Replies are matched by message id with a cheap string scan, so the generator
 * spends its CPU on the wire rather than on JSON trees.
 */
final class SimulatedLink extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final String BOOT_ID = "boot";
    /** Distinguishes the transactions of one generator run from those of earlier runs against the same database. */
    private static final long RUN_ID = System.currentTimeMillis();

    private final String stationId;
    private final LoadStats stats;
    private final long heartbeatPeriodNanos;
    private final boolean transactions;
    private int seqNo;
    private String pendingId;
    private long pendingSince;
    private long nextId;

    SimulatedLink(String stationId, LoadStats stats, long heartbeatPeriodNanos, boolean transactions) {
        this.stationId = stationId;
        this.stats = stats;
        this.heartbeatPeriodNanos = heartbeatPeriodNanos;
        this.transactions = transactions;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            stats.connected();
            send(ctx, BOOT_ID, "BootNotification",
                    "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"LoadGen\",\"vendorName\":\"v2g-csms\","
                            + "\"serialNumber\":\"" + stationId + "\"}}");
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            stats.error("handshake timeout");
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        String msg = text.text();
        int type = msg.length() > 1 ? msg.charAt(1) - '0' : -1;
        String id = idOf(msg);
        switch (type) {
            case 3 -> onResult(ctx, id, msg);
            case 4 -> {
                stats.error("CALLERROR " + msg.substring(0, Math.min(120, msg.length())));
                clearPending(id);
            }
            case 2 -> ctx.writeAndFlush(new TextWebSocketFrame(
                    "[4,\"" + id + "\",\"NotSupported\",\"load generator station\",{}]"));
            default -> stats.error("unexpected frame");
        }
    }

    private void onResult(ChannelHandlerContext ctx, String id, String msg) {
        if (id == null || !id.equals(pendingId)) {
            stats.error("reply to unknown id " + id);
            return;
        }
        long rtt = System.nanoTime() - pendingSince;
        pendingId = null;
        if (BOOT_ID.equals(id)) {
            if (!msg.contains("\"Accepted\"")) {
                stats.error("boot not accepted: " + msg);
                return;
            }
            stats.booted();
            if (heartbeatPeriodNanos > 0) {
                long first = ThreadLocalRandom.current().nextLong(heartbeatPeriodNanos);
                ctx.executor().scheduleAtFixedRate(() -> heartbeat(ctx), first, heartbeatPeriodNanos,
                        TimeUnit.NANOSECONDS);
            }
        } else {
            stats.recordRoundTrip(rtt);
        }
    }

    private void heartbeat(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (pendingId != null) {
            stats.skipped(); // the CSMS has not answered the previous one: OCPP-J allows no second CALL
            return;
        }
        if (transactions) {
            send(ctx, "t" + (nextId++), "TransactionEvent", transactionEvent(seqNo++));
        } else {
            send(ctx, "h" + (nextId++), "Heartbeat", "{}");
        }
    }

    /** One transaction per station run; every event carries import/export registers, power and SoC. */
    private String transactionEvent(int seq) {
        String at = Instant.now().toString();
        return "{\"eventType\":\"" + (seq == 0 ? "Started" : "Updated") + "\",\"timestamp\":\"" + at
                + "\",\"triggerReason\":\"" + (seq == 0 ? "CablePluggedIn" : "MeterValuePeriodic") + "\",\"seqNo\":"
                + seq + ",\"transactionInfo\":{\"transactionId\":\"" + stationId + "-" + RUN_ID
                + "\",\"chargingState\":\"Charging\"},\"evse\":{\"id\":1,\"connectorId\":1},\"meterValue\":[{"
                + "\"timestamp\":\"" + at + "\",\"sampledValue\":["
                + "{\"value\":" + seq * 10 + ",\"measurand\":\"Energy.Active.Import.Register\"},"
                + "{\"value\":" + seq * 2 + ",\"measurand\":\"Energy.Active.Export.Register\"},"
                + "{\"value\":7400,\"measurand\":\"Power.Active.Import\",\"unitOfMeasure\":{\"unit\":\"W\"}},"
                + "{\"value\":" + Math.min(100, 20 + seq / 10) + ",\"measurand\":\"SoC\",\"location\":\"EV\","
                + "\"unitOfMeasure\":{\"unit\":\"Percent\"}}]}]}";
    }

    private void send(ChannelHandlerContext ctx, String id, String action, String payload) {
        pendingId = id;
        pendingSince = System.nanoTime();
        stats.sent();
        ctx.writeAndFlush(new TextWebSocketFrame("[2,\"" + id + "\",\"" + action + "\"," + payload + "]"));
    }

    private void clearPending(String id) {
        if (id != null && id.equals(pendingId)) {
            pendingId = null;
        }
    }

    private static String idOf(String msg) {
        int start = msg.indexOf('"');
        int end = start < 0 ? -1 : msg.indexOf('"', start + 1);
        return end < 0 ? null : msg.substring(start + 1, end);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stats.disconnected();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        stats.error(cause.getClass().getSimpleName() + ": " + cause.getMessage() + " at " + Instant.now());
        ctx.close();
    }
}
