package org.v2gcsms.bench.codec;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.frame.FrameCodec;

/**
 * The codec round trip of {@link CodecBenchmark}, rated per CPU-second of the measuring thread instead of per
 * wall-clock second: time spent waiting for a core while other processes run does not count, so on a shared
 * machine it scatters far less than JMH. 300,000 warm-up round trips, then slices of 30,000; prints the median
 * and best slice and the bytes allocated per round trip.
 *
 * <pre>java -Xms1g -Xmx1g -cp modules/bench/target/benchmarks.jar org.v2gcsms.bench.codec.CodecCpuTime TransactionEvent</pre>
 */
public final class CodecCpuTime {
    private static final int SLICE = 30_000;

    private CodecCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        String message = args.length > 0 ? args[0] : "TransactionEvent";
        int slices = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        OcppVersion version = message.endsWith("21") ? OcppVersion.V21 : OcppVersion.V201;
        FrameCodec frames = new FrameCodec(version);
        OcppMessages messages = OcppMessages.of(version);
        String wire = SampleFrames.of(message);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        long checksum = 0; // keeps the JIT from dropping the work
        for (int i = 0; i < 300_000; i++) {
            checksum += CodecBenchmark.roundTrip(frames, messages, wire).length();
        }
        double[] rates = new double[slices];
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int s = 0; s < slices; s++) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < SLICE; i++) {
                checksum += CodecBenchmark.roundTrip(frames, messages, wire).length();
            }
            rates[s] = SLICE / ((threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9);
        }
        long allocated = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / ((long) SLICE * slices);
        Arrays.sort(rates);
        System.out.printf("%s: median %.0f/s, best %.0f/s per CPU-second, %d B allocated per round trip"
                + " (checksum %d)%n", message, rates[slices / 2], rates[slices - 1], allocated, checksum % 10);
    }
}
