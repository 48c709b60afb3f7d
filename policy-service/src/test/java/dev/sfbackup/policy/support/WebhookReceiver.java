package dev.sfbackup.policy.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback that records every body it is sent; it can answer 500 to the first calls, or hold the
 * first call until released (calls are served in parallel, so later ones are not held behind it).
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch firstCallArrived = new CountDownLatch(1);
    private volatile CountDownLatch holdFirst = new CountDownLatch(0);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", exchange -> {
                if (receiver.calls.incrementAndGet() == 1) {
                    receiver.firstCallArrived.countDown();
                    awaitQuietly(receiver.holdFirst);
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = receiver.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (!fail) {
                    receiver.bodies.add(body);
                }
                exchange.sendResponseHeaders(fail ? 500 : 204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next n calls answer 500 and are not recorded. */
    public void failNext(int n) {
        failuresLeft.set(n);
    }

    /** The first call waits in the receiver until {@link #release()}. */
    public void holdFirstCall() {
        holdFirst = new CountDownLatch(1);
    }

    /** Waits (at most the limit) until the first call arrived; answers whether it did. */
    public boolean awaitFirstCall(Duration limit) throws InterruptedException {
        return firstCallArrived.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        holdFirst.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
