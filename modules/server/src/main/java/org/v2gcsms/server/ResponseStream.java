package org.v2gcsms.server;

/**
 * The body of a streamed HTTP response (Server-Sent Events), written piece by piece after the headers went out.
 * Thread-safe: any thread may write.
 */
public interface ResponseStream {

    /**
     * Writes and flushes a piece of the body. False, and nothing written, once the client is gone or cannot keep
     * up (its socket buffer is full): the producer should then {@link #close()}.
     */
    boolean write(String piece);

    /** Runs {@code action} once the stream ends, whichever side ended it (at once if it already has). */
    void onClose(Runnable action);

    /** Ends the body and closes the connection. */
    void close();
}
