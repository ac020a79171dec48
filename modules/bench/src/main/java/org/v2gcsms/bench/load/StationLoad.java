package org.v2gcsms.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load generator: opens N simulated stations over loopback, each sending BootNotification and then
 * Heartbeats (or, with {@code --transactions}, TransactionEvents) so that all stations together send
 * {@code --rate} messages per second, and reports the
 * round-trip latency distribution. Stations are cheap (one Netty channel each), so one process drives
 * thousands. Client addresses spread over 127.0.0.0/8 so more than ~28k connections can be opened.
 */
@Command(name = "station-load", mixinStandardHelpOptions = true,
        description = "Open N OCPP stations against a CSMS and measure Heartbeat round trips.")
public final class StationLoad implements Callable<Integer> {

    @Option(names = "--url", description = "CSMS endpoint without the station id (default ${DEFAULT-VALUE})")
    URI url = URI.create("ws://127.0.0.1:8180/ocpp");

    @Option(names = "--stations", description = "number of stations (default ${DEFAULT-VALUE})")
    int stations = 1000;

    @Option(names = "--rate", description = "Heartbeats per second over all stations (default ${DEFAULT-VALUE}); 0 = none")
    double rate = 1000;

    @Option(names = "--duration", description = "measuring time after all stations booted, e.g. 60s (default ${DEFAULT-VALUE})")
    String duration = "60s";

    @Option(names = "--warmup", description = "time to run before measuring, e.g. 10s (default ${DEFAULT-VALUE})")
    String warmup = "10s";

    @Option(names = "--connect-rate", description = "new connections per second (default ${DEFAULT-VALUE})")
    int connectRate = 2000;

    @Option(names = "--per-source-address", description = "connections per local 127.x address (default ${DEFAULT-VALUE})")
    int perSourceAddress = 20_000;

    @Option(names = "--protocol", description = "ocpp2.0.1 or ocpp2.1 (default ${DEFAULT-VALUE})")
    String protocol = "ocpp2.0.1";

    @Option(names = "--prefix", description = "station id prefix (default ${DEFAULT-VALUE})")
    String prefix = "LOAD";

    @Option(names = "--transactions",
            description = "stream TransactionEvents with meter values instead of Heartbeats (durable writes)")
    boolean transactions;

    @Option(names = "--threads", description = "client event loop threads (default ${DEFAULT-VALUE})")
    int threads = 1;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StationLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Duration measure = parseDuration(duration);
        Duration warm = parseDuration(warmup);
        LoadStats stats = new LoadStats(stations);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .option(ChannelOption.TCP_NODELAY, true);
            InetSocketAddress remote = new InetSocketAddress(url.getHost(), url.getPort());
            long heartbeatPeriodNanos = rate <= 0 ? 0 : (long) (stations / rate * 1e9);
            System.err.printf("station-load: %d stations -> %s (%s), %.0f heartbeats/s%n", stations, url, protocol, rate);

            long pacingNanos = 1_000_000_000L / Math.max(1, connectRate);
            long next = System.nanoTime();
            for (int i = 0; i < stations; i++) {
                String id = prefix + "-" + i;
                URI stationUri = URI.create(url.toString().replaceAll("/$", "") + "/" + id);
                SimulatedLink link = new SimulatedLink(id, stats, heartbeatPeriodNanos, transactions);
                Bootstrap b = bootstrap.clone().handler(pipeline(stationUri, link));
                ChannelFuture f = b.connect(remote, new InetSocketAddress(sourceAddress(i), 0));
                f.addListener(done -> {
                    if (!done.isSuccess()) {
                        stats.connectFailed(done.cause());
                    }
                });
                next += pacingNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // pacing the generator itself, not test synchronisation
                }
                stats.maybeReport("connecting");
            }
            stats.awaitBooted(Duration.ofSeconds(Math.max(60, stations / Math.max(1, connectRate) * 3L)));
            stats.reportNow("booted");
            stats.runPhase("warm-up", warm);
            stats.resetLatency();
            stats.runPhase("measure", measure);
            stats.printSummary(measure, rate);
            return stats.healthy() ? 0 : 1;
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private ChannelInitializer<SocketChannel> pipeline(URI stationUri, SimulatedLink link) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(stationUri)
                .subprotocol(protocol)
                .handshakeTimeoutMillis(30_000)
                .dropPongFrames(true)
                .build();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(16 * 1024),
                        new WebSocketClientProtocolHandler(config), link);
            }
        };
    }

    private InetAddress sourceAddress(int station) throws Exception {
        int s = station / perSourceAddress;
        if (s == 0) {
            return InetAddress.getByName("127.0.0.1");
        }
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) (s / 250), (byte) (1 + s % 250)});
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new CommandLine.ParameterException(new CommandLine(new StationLoad()),
                    "duration must end in ms, s, m or h: " + text);
        };
    }

}
