package org.v2gcsms.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Collects an HTTP request into one message, up to a size; a larger body is answered 413 with a sentence saying
 * the limit (Netty's own 413 has an empty body).
 */
final class HttpBodyLimit extends HttpObjectAggregator {
    private final int maxBytes;

    HttpBodyLimit(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        // Keep a keep-alive connection open while the rest of the body is read and dropped: closing now would
        // reset it under a client still sending, which then never sees the answer.
        boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
        HttpReplies.write(ctx, RouteResponse.json(413, "{\"error\":\"request body larger than " + maxBytes
                + " bytes\"}"), keepAlive);
    }
}
