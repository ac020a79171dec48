package org.v2gcsms.bench.gridsafety;

import io.netty.bootstrap.Bootstrap;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.v2gcsms.app.Csms;
import org.v2gcsms.app.CsmsSettings;
import org.v2gcsms.app.ScenarioSite;
import org.v2gcsms.control.dispatch.DispatchRecord;
import org.v2gcsms.control.dispatch.EvseSchedule;
import org.v2gcsms.control.dispatch.EvseTarget;
import org.v2gcsms.ocpp.OcppVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Grid-safety and dispatch latency on the composed CSMS with {@code --stations} lightweight OCPP 2.1 V2X stations
 * (one EVSE each, a transaction open) at one site under IEEE 1547 Cat II, over loopback WebSockets in this process.
 * <ul>
 *   <li><b>trip</b>: one station sends NotifyDERAlarm (under-frequency); measured from the moment it is written to
 *       when each station receives its SetDERControl LimitMaxDischarge 0 (an upper bound on "written to the
 *       socket" by the CSMS: same clock, loopback) and when it has answered (acknowledged). The site then recovers
 *       (1 s enter-service delay, 100 %/s ramp) for the next trip.
 *   <li><b>dispatch</b>: {@code --stations} schedules handed to the dispatcher at once (through the grid-safety
 *       guard), until every SetChargingProfile is accepted; rounds 1.2 s apart, so the grid code's ramp lets each
 *       5 kW change through.
 * </ul>
 *
 * <pre>java -cp modules/bench/target/classes:$(cat /tmp/benchcp.txt) org.v2gcsms.bench.gridsafety.TripBench</pre>
 */
@Command(name = "trip-bench", mixinStandardHelpOptions = true)
public final class TripBench implements java.util.concurrent.Callable<Integer> {
    private static final String SITE = "bench";
    private static final Duration RAMP_PAUSE = Duration.ofMillis(1200);

    @Option(names = "--stations", defaultValue = "1000")
    int stations;

    @Option(names = "--trips", defaultValue = "5")
    int trips;

    @Option(names = "--warmup-trips", defaultValue = "1", description = "trips before measuring (JIT warm-up)")
    int warmupTrips;

    @Option(names = "--dispatches", defaultValue = "5", description = "rounds of one schedule per station")
    int dispatches;

    @Option(names = "--config", defaultValue = "config", description = "directory with gridcodes/")
    Path config;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TripBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("trip-bench-");
        ScenarioSite.write(config, work.resolve("config"), SITE, "TRIP-*", stations * 50.0, "ieee1547-cat2",
                Map.of("export-limit-kw", "" + stations * 50.0, "enter-service.delay-s", "1",
                        "ramp.enter-service-pct-per-s", "100"));
        CsmsSettings settings = CsmsSettings.local(0, work.resolve("data")).withConfigDir(work.resolve("config"));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (Csms csms = Csms.start(settings)) {
            List<V2xLink> links = connect(csms.ocppUrl(), group);
            System.err.printf("%d stations booted with a transaction; letting boot-time DER pushes and plans settle%n",
                    links.size());
            quiet(links);
            Histogram written = new Histogram(3);
            Histogram acked = new Histogram(3);
            for (int t = 0; t < warmupTrips + trips; t++) {
                if (t == warmupTrips) {
                    written.reset();
                    acked.reset();
                }
                trip(csms, links, written, acked);
                recover(csms, links.get(0));
                quiet(links);
            }
            System.out.printf("trip -> zero-discharge cap received, %d stations x %d trips: p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms; last acknowledgement p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", stations, trips,
                    ms(written.getValueAtPercentile(50)), ms(written.getValueAtPercentile(99)), ms(written.getMaxValue()),
                    ms(acked.getValueAtPercentile(50)), ms(acked.getValueAtPercentile(99)), ms(acked.getMaxValue()));
            Histogram all = new Histogram(3);
            for (int d = 0; d < dispatches; d++) {
                // The grid code's normal ramp (IEEE 1547 here: 10 % of 50 kW per second) lets a 5 kW step through
                // only a second after the last one; a round sooner would be ramped into the deadband, unsent.
                Thread.sleep(RAMP_PAUSE.toMillis());
                all.recordValue(dispatch(csms, links, 10 + 5 * (d % 4)));
                quiet(links);
            }
            System.out.printf("dispatch of %d profiles, all accepted: p50 %.1f ms, max %.1f ms over %d rounds%n",
                    stations, ms(all.getValueAtPercentile(50)), ms(all.getMaxValue()), dispatches);
            return 0;
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private List<V2xLink> connect(URI ocpp, EventLoopGroup group) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(stations);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true);
        List<V2xLink> links = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            V2xLink link = new V2xLink(String.format("TRIP-%04d", i), ready);
            URI uri = URI.create(ocpp + link.stationId);
            WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                    .subprotocol("ocpp2.1").handshakeTimeoutMillis(30_000).build();
            bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                            new WebSocketClientProtocolHandler(ws), link);
                }
            }).connect(uri.getHost(), uri.getPort());
            links.add(link);
            if (i % 50 == 49) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // connection pacing of the generator
            }
        }
        if (!ready.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(ready.getCount() + " stations never got a transaction open");
        }
        return links;
    }

    private void trip(Csms csms, List<V2xLink> links, Histogram written, Histogram acked) throws Exception {
        long t0 = links.get(0).send("NotifyDERAlarm", "{\"controlType\":\"LFMustTrip\",\"gridEventFault\":"
                + "\"UnderFrequency\",\"timestamp\":\"" + Instant.now() + "\"}").get(10, TimeUnit.SECONDS);
        await(() -> links.stream().allMatch(l -> l.capAnsweredNanos > t0), "every station capped", Duration.ofSeconds(30));
        long lastAck = 0;
        for (V2xLink l : links) {
            written.recordValue(l.capReceivedNanos - t0);
            lastAck = Math.max(lastAck, l.capAnsweredNanos - t0);
        }
        acked.recordValue(lastAck);
        System.err.printf("trip: %s; caps received p99 %.1f ms, all acknowledged after %.1f ms%n",
                csms.gridSafety().supervisor().site(SITE).orElseThrow().state().name(),
                ms(percentile(links, l -> l.capReceivedNanos - t0, 99)), ms(lastAck));
    }

    /** Alarm over, nominal readings: waiting (1 s), ramp (1 s), NORMAL. */
    private void recover(Csms csms, V2xLink meter) throws Exception {
        meter.send("NotifyDERAlarm", "{\"controlType\":\"LFMustTrip\",\"gridEventFault\":\"UnderFrequency\","
                + "\"alarmEnded\":true,\"timestamp\":\"" + Instant.now() + "\"}").get(10, TimeUnit.SECONDS);
        await(() -> {
            meter.send("MeterValues", "{\"evseId\":1,\"meterValue\":[{\"timestamp\":\"" + Instant.now()
                    + "\",\"sampledValue\":[{\"value\":120,\"measurand\":\"Voltage\"},{\"value\":60,"
                    + "\"measurand\":\"Frequency\"}]}]}");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            return csms.gridSafety().supervisor().site(SITE).orElseThrow().state().name().equals("NORMAL");
        }, "back to NORMAL", Duration.ofSeconds(60));
    }

    private long dispatch(Csms csms, List<V2xLink> links, double kw) throws Exception {
        var dispatcher = csms.controlLoop().dispatcher();
        List<EvseTarget> targets = links.stream().map(l -> new EvseTarget(l.stationId, 1, l.stationId + "-tx",
                OcppVersion.V21, csms.domain().deviceModel().capabilities(l.stationId), 50, 0, 3, 230, false)).toList();
        EvseSchedule schedule = new EvseSchedule(Instant.now(), Duration.ofMinutes(10), new double[] {kw});
        long t0 = System.nanoTime();
        List<CompletableFuture<DispatchRecord>> sent = new ArrayList<>();
        for (EvseTarget t : targets) {
            sent.add(dispatcher.dispatch(t, schedule));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long all = System.nanoTime() - t0;
        long accepted = sent.stream().filter(f -> f.join().outcome() == DispatchRecord.Outcome.SENT).count();
        System.err.printf("dispatch %.0f kW: %d of %d accepted after %.1f ms%n", kw, accepted, targets.size(), ms(all));
        if (accepted != targets.size()) {
            throw new IllegalStateException("not every profile was accepted: " + sent.stream()
                    .map(CompletableFuture::join).filter(r -> r.outcome() != DispatchRecord.Outcome.SENT).limit(3).toList());
        }
        return all;
    }

    /** Waits until no station has received a call for 2 s (boot pushes, plans and releases are done). */
    private static void quiet(List<V2xLink> links) {
        long last = -1;
        while (true) {
            long newest = links.stream().mapToLong(l -> Math.max(l.capReceivedNanos, l.profileReceivedNanos)).max()
                    .orElse(0);
            if (newest == last && System.nanoTime() - newest > TimeUnit.SECONDS.toNanos(2)) {
                return;
            }
            last = newest;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static double percentile(List<V2xLink> links, ToLongFunction<V2xLink> value, double p) {
        Histogram h = new Histogram(3);
        links.forEach(l -> h.recordValue(value.applyAsLong(l)));
        return h.getValueAtPercentile(p);
    }

    private static void await(BooleanSupplier condition, String what, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + limit.toSeconds() + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }
}
