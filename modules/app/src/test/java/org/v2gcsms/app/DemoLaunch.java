package org.v2gcsms.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** {@code ./csms demo} started in this process on a free port, for tests: its parts, exit code and output. */
record DemoLaunch(DemoCommand demo, DemoCommand.Running running, CompletableFuture<Integer> exit, StringWriter output,
                  int port) {

    /** Starts the demo with {@code --port} and {@code --data-dir} plus {@code args}; returns once it runs. */
    static DemoLaunch start(java.nio.file.Path dataDir, String... args) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DemoCommand demo = new DemoCommand();
        StringWriter output = new StringWriter();
        CommandLine cl = new CommandLine(demo).setOut(new PrintWriter(output, true));
        String[] all = new String[args.length + 4];
        all[0] = "--port";
        all[1] = "" + port;
        all[2] = "--data-dir";
        all[3] = dataDir.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(all));
        return new DemoLaunch(demo, demo.running.get(60, TimeUnit.SECONDS), exit, output, port);
    }

    /** Stops it as Ctrl-C does; returns the exit code. */
    int stop() throws Exception {
        demo.stop.complete(null);
        return exit.get(2, TimeUnit.MINUTES);
    }
}
