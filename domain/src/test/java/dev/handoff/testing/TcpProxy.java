package dev.handoff.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback that stands between a node and its database, so that a test can take the
 * database away without touching the database itself. {@link #cut()} resets every open connection
 * and stops listening (new connections are refused); {@link #restore()} listens on the same port again.
 * {@link #freeze()} keeps every connection open but lets no byte through, as a network that silently
 * drops packets does; {@link #thaw()} delivers what was held back and forwards again.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int BUFFER_BYTES = 16 * 1024;

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket listener;
    private volatile boolean frozen;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A proxy on a free loopback port, forwarding to {@code host:targetPort}. */
    public static TcpProxy to(String host, int targetPort) {
        return new TcpProxy(new InetSocketAddress(host, targetPort));
    }

    public int port() {
        return port;
    }

    /** Resets every open connection and refuses new ones, as a network cut or a dead database does. */
    public synchronized void cut() {
        closeQuietly(listener);
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    /** Accepts and forwards connections again, on the same port. */
    public synchronized void restore() {
        if (!listener.isClosed()) {
            return;
        }
        listener = listen(port);
        accept(listener);
    }

    /** Holds every byte in either direction, on open and new connections alike, until {@link #thaw()}. */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
    }

    @Override
    public synchronized void close() {
        cut();
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true); // the port is taken again at once after a cut
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot listen on port " + port, failure);
        }
    }

    private void accept(ServerSocket socket) {
        threads.execute(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    forward(socket, client);
                } catch (IOException closedOrRefused) {
                    // the listener was closed by cut(), or one connection could not be made: go on until closed
                }
            }
        });
    }

    private void forward(ServerSocket acceptedBy, Socket client) throws IOException {
        Socket server = new Socket();
        try {
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException unreachable) {
            reset(client);
            throw unreachable;
        }
        synchronized (this) {
            if (acceptedBy.isClosed()) { // cut while this connection was being made: it must not survive the cut
                reset(client);
                reset(server);
                return;
            }
            open.add(client);
            open.add(server);
        }
        threads.execute(() -> pump(client, server));
        threads.execute(() -> pump(server, client));
    }

    /** Copies one direction until either side ends, then ends both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                while (frozen) {
                    Thread.sleep(10);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // a side closed or was reset
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt(); // the proxy is closing
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Closes with a TCP reset rather than an orderly close: the peer sees its connection break. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException alreadyClosed) {
            // nothing to reset
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
