package org.v2gcsms.sessions.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One POST to a service outside the CSMS (an OCSP responder, a contract certificate service): the whole exchange
 * bounded in time, the answer in size, no redirects followed, any status but 2xx an error.
 */
final class HttpPost {
    /** Far above any OCSP response or EXI message OCPP can carry. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    HttpPost(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The body of the answer to {@code body} posted to {@code to}.
     *
     * @throws IOException the service could not be reached, did not answer in time, answered other than 2xx or
     *                     more than {@value #MAX_ANSWER_BYTES} bytes
     */
    byte[] post(URI to, String contentType, String accept, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(to).timeout(timeout).header("Content-Type", contentType)
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Answer answer = new Answer();
        // The request timeout ends at the headers; the deadline below also bounds a body that trickles in.
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
                info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(answer::add)));
        HttpResponse<Void> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return answer.bytes();
    }

    /** The body as it arrives; past the limit, only the fact that it was too large is kept. */
    private static final class Answer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean tooLarge;

        synchronized void add(byte[] chunk) {
            if (tooLarge || bytes.size() + chunk.length > MAX_ANSWER_BYTES) {
                tooLarge = true;
            } else {
                bytes.writeBytes(chunk);
            }
        }

        synchronized byte[] bytes() throws IOException {
            if (tooLarge) {
                throw new IOException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return bytes.toByteArray();
        }
    }
}
