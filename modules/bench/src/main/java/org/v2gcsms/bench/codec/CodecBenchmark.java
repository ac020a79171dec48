package org.v2gcsms.bench.codec;

import com.google.gson.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.frame.Frame;
import org.v2gcsms.ocpp.frame.FrameCodec;

/**
 * One full codec round trip of a CALL as the server does it: parse the frame, validate the payload against
 * its schema, bind it to the record, then encode the record and write the frame again. Single thread, so
 * the score is per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class CodecBenchmark {

    @Param({"BootNotification", "TransactionEvent", "SetChargingProfile", "SetChargingProfile21"})
    public String message;

    private FrameCodec frames;
    private OcppMessages messages;
    private String wire;

    @Setup
    public void setUp() {
        OcppVersion version = message.endsWith("21") ? OcppVersion.V21 : OcppVersion.V201;
        frames = new FrameCodec(version);
        messages = OcppMessages.of(version);
        wire = SampleFrames.of(message);
    }

    @Benchmark
    public String roundTrip() throws Exception {
        return roundTrip(frames, messages, wire);
    }

    static String roundTrip(FrameCodec frames, OcppMessages messages, String wire) throws Exception {
        Frame.Call call = (Frame.Call) frames.parse(wire);
        Action<?, ?> action = messages.action(call.action()).orElseThrow();
        messages.validateRequest(action, call.payload());
        Object request = messages.decode(call.payload(), action.requestType());
        JsonObject payload = messages.encode(request);
        return frames.write(new Frame.Call(call.messageId(), call.action(), payload));
    }
}
