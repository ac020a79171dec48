package org.v2gcsms.bench.gridsafety;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A lightweight OCPP 2.1 V2X station for the benchmarks: boots, opens a transaction on EVSE 1, and answers the
 * CSMS's calls at once (SetDERControl, ClearDERControl and SetChargingProfile Accepted; anything else refused),
 * noting when the latest discharge cap and charging profile arrived and when it answered them.
 */
final class V2xLink extends SimpleChannelInboundHandler<WebSocketFrame> {
    final String stationId;
    private final CountDownLatch ready;
    private ChannelHandlerContext ctx;
    private long nextId;
    volatile long capReceivedNanos;
    volatile long capAnsweredNanos;
    volatile long profileReceivedNanos;
    volatile long profileAnsweredNanos;

    V2xLink(String stationId, CountDownLatch ready) {
        this.stationId = stationId;
        this.ready = ready;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            this.ctx = ctx;
            call("boot", "BootNotification", "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"V2X\","
                    + "\"vendorName\":\"bench\"}}");
        }
        super.userEventTriggered(ctx, evt);
    }

    /** Sends a CALL (the benchmark's alarm) from the channel's thread. */
    CompletableFuture<Long> send(String action, String payload) {
        CompletableFuture<Long> sent = new CompletableFuture<>();
        ctx.executor().execute(() -> {
            sent.complete(System.nanoTime());
            call("b" + (nextId++), action, payload);
        });
        return sent;
    }

    private void call(String id, String action, String payload) {
        ctx.writeAndFlush(new TextWebSocketFrame("[2,\"" + id + "\",\"" + action + "\"," + payload + "]"));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        long at = System.nanoTime();
        String msg = text.text();
        String id = msg.substring(msg.indexOf('"') + 1, msg.indexOf('"', msg.indexOf('"') + 1));
        if (msg.charAt(1) == '3') {
            if (id.equals("boot")) {
                call("tx", "TransactionEvent", "{\"eventType\":\"Started\",\"timestamp\":\"" + Instant.now()
                        + "\",\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\""
                        + stationId + "-tx\"},\"evse\":{\"id\":1,\"connectorId\":1}}");
            } else if (id.equals("tx")) {
                ready.countDown();
            }
            return;
        }
        if (msg.charAt(1) != '2') {
            return;
        }
        String answer;
        if (msg.contains("\"SetDERControl\"") || msg.contains("\"ClearDERControl\"")) {
            answer = "{\"status\":\"Accepted\"}";
        } else if (msg.contains("\"SetChargingProfile\"")) {
            answer = "{\"status\":\"Accepted\"}";
        } else if (msg.contains("\"GetBaseReport\"")) {
            answer = "{\"status\":\"Rejected\"}";
        } else {
            ctx.writeAndFlush(new TextWebSocketFrame("[4,\"" + id + "\",\"NotSupported\",\"bench station\",{}]"));
            return;
        }
        ctx.writeAndFlush(new TextWebSocketFrame("[3,\"" + id + "\"," + answer + "]"));
        long answered = System.nanoTime();
        if (msg.contains("\"LimitMaxDischarge\"") && !msg.contains("\"isDefault\":true")) {
            capReceivedNanos = at;
            capAnsweredNanos = answered;
        } else if (msg.contains("\"SetChargingProfile\"")) {
            profileReceivedNanos = at;
            profileAnsweredNanos = answered;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        System.err.println(stationId + ": " + cause);
        ctx.close();
    }
}
