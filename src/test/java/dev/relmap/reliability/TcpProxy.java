package dev.relmap.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database server that can go away and come back: a loopback TCP forwarder to the real one.
 * {@link #goAway()} closes every connection through it and refuses new ones, as a stopped server
 * does; {@link #comeBack()} listens again on the same port. {@link #blackHole()} keeps every
 * connection open but forwards nothing more either way, as a dead route or a dropping firewall
 * does: only a read timeout notices.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean blackHoled;
    private final int port;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
    }

    /** The host and port of a JDBC URL: {@code jdbc:<driver>://host:port/…}. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("^(jdbc:[a-z]+://)([^:/?]+):(\\d+)(/.*)$");

    /**
     * A proxy in front of the server {@code url} names, host and port read from the URL itself (a
     * Galera node on 13306 or a primary on 15432 as much as the usual 3306 and 5432).
     *
     * @throws IllegalArgumentException if {@code url} names no host and port
     */
    static TcpProxy inFrontOf(String url) throws IOException {
        Matcher matcher = matcher(url);
        return new TcpProxy(matcher.group(2), Integer.parseInt(matcher.group(3)));
    }

    /** {@code url} with its host and port replaced by this proxy's. */
    String proxied(String url) {
        Matcher matcher = matcher(url);
        return matcher.group(1) + "127.0.0.1:" + port + matcher.group(4);
    }

    private static Matcher matcher(String url) {
        Matcher matcher = HOST_AND_PORT.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a JDBC URL with a host and a port: " + url);
        }
        return matcher;
    }

    int port() {
        return port;
    }

    /** Every open connection is closed; new ones are refused until {@link #comeBack()}. */
    synchronized void goAway() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** From now on, bytes sent either way are read and dropped; nothing is closed. */
    void blackHole() {
        blackHoled = true;
    }

    synchronized void comeBack() throws IOException {
        if (listener.isClosed()) {
            listener = listen(port);
        }
    }

    @Override
    public void close() throws IOException {
        goAway();
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept-" + onPort);
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // The listener was closed by goAway(), or the real server refused: the client sees a reset.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (blackHoled) {
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed; closing both ends the other pump too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
